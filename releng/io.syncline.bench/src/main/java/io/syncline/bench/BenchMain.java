package io.syncline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.MappingRunner;
import io.syncline.mapping.model.LookupTable;
import io.syncline.mapping.model.Mapping;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;

/**
 * Throughput of Syncline's parse + validate + map against the raw library on the same bytes, in the same run:
 * <ul>
 * <li>x12: X12 850s → sales orders vs raw StAEDI tokenization;</li>
 * <li>csv: a catalog → supplier items vs raw FastCSV parsing;</li>
 * <li>heap: peak heap of the CSV mapping on an input 10× larger;</li>
 * <li>pipeline: durable end-to-end messages on H2 (and PostgreSQL when SYNCLINE_PG_URL is set) vs batched
 * INSERTs;</li>
 * <li>rest: the HTTP API (a journal page at 200 requests/s; event delivery over SSE) vs the in-process call.</li>
 * </ul>
 * Usage: {@code BenchMain DEMO_DIR [x12|csv|heap|pipeline|all] [--mb N] [--rows N] [--rounds N] [--messages N]}.
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: BenchMain DEMO_DIR [x12|csv|heap|pipeline|rest|monitor|metrics|ingest|retention|sftp|webhook|as2|all] [--mb N] [--rows N] [--rounds N] "
					+ "[--messages N] [--ingest-rows N] [--journal-rows N]");
			System.exit(2);
		}
		Path demo = Path.of(args[0]);
		String which = args.length > 1 ? args[1] : "all";
		int mb = intOption(args, "--mb", 32);
		int rows = intOption(args, "--rows", 1_000_000);
		int rounds = intOption(args, "--rounds", 3);
		Path dir = Files.createTempDirectory("syncline-bench");
		try {
			System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
			if (which.equals("x12") || which.equals("all")) {
				x12(demo, dir, mb, rounds);
			}
			if (which.equals("csv") || which.equals("all")) {
				csv(demo, dir, rows, rounds);
			}
			if (which.equals("heap") || which.equals("all")) {
				heap(demo, dir, rows / 10);
			}
			if (which.equals("pipeline") || which.equals("all")) {
				PipelineBench.run(demo, dir, intOption(args, "--messages", 20_000), "h2", rounds);
				if (System.getenv("SYNCLINE_PG_URL") != null) {
					PipelineBench.run(demo, dir, intOption(args, "--messages", 20_000), "postgresql", rounds);
				}
			}
			if (which.equals("rest") || which.equals("all")) {
				RestBench.run(demo, dir, intOption(args, "--requests", 4_000));
			}
			if (which.equals("sftp")) {
				TransportBench.sftp(demo, dir, intOption(args, "--files", 1_000), intOption(args, "--large-mb", 1024));
			}
			if (which.equals("as2")) {
				TransportBench.as2(demo, dir, intOption(args, "--messages", 300));
			}
			if (which.equals("webhook")) {
				TransportBench.webhook(demo, dir, intOption(args, "--requests", 4_000));
			}
			if (which.equals("metrics")) {
				// not part of "all": a day of a busy tenant is millions of rows to write first
				MetricsBench.run(demo, dir, intOption(args, "--journal-rows", 1_000_000));
			}
			if (which.equals("monitor")) {
				// not part of "all": ten million journal rows take minutes to write and a few GB of disk
				MonitorBench.run(demo, dir, intOption(args, "--journal-rows", 10_000_000));
			}
			if (which.equals("retention")) {
				// not part of "all": a simulated year of stock events takes a few minutes
				RetentionBench.run(demo, dir, intOption(args, "--per-day", 3_000), intOption(args, "--days", 365));
			}
			if (which.equals("ingest")) {
				// not part of "all": ten million rows take a quarter of an hour
				IngestBench.run(demo, dir, intOption(args, "--ingest-rows", 10_000_000));
			}
		} finally {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static void x12(Path demo, Path dir, int mb, int rounds) throws Exception {
		Path file = Inputs.x12PurchaseOrders(dir, mb);
		double size = Files.size(file) / 1048576.0;
		CompiledMapping mapping = compile(demo, "bigbox-850-order", false);
		System.out.printf(Locale.ROOT, "%nX12 850 → SalesOrder, %.1f MB%n", size);
		double raw = 0;
		double validating = 0;
		double ours = 0;
		long records = 0;
		for (int round = 0; round <= rounds; round++) {
			long start = System.nanoTime();
			long events = rawStaedi(file, false);
			double rawSeconds = (System.nanoTime() - start) / 1e9;
			start = System.nanoTime();
			rawStaedi(file, true);
			double validatingSeconds = (System.nanoTime() - start) / 1e9;
			start = System.nanoTime();
			MappingRunner.Summary summary = MappingRunner.run(mapping, file, outcome -> { });
			double oursSeconds = (System.nanoTime() - start) / 1e9;
			if (summary.failed() > 0) {
				throw new IllegalStateException("benchmark input failed to map: " + summary);
			}
			if (round == 0) {
				System.out.printf(Locale.ROOT, "  warm-up: %d StAEDI events, %d orders%n", events, summary.mapped());
				continue;
			}
			raw = Math.max(raw, size / rawSeconds);
			validating = Math.max(validating, size / validatingSeconds);
			ours = Math.max(ours, size / oursSeconds);
			records = summary.mapped();
			System.out.printf(Locale.ROOT,
					"  round %d: raw StAEDI %.1f MB/s, StAEDI validating %.1f MB/s, Syncline parse+validate+map %.1f MB/s (%.0f orders/s)%n",
					round, size / rawSeconds, size / validatingSeconds, size / oursSeconds, summary.mapped() / oursSeconds);
		}
		System.out.printf(Locale.ROOT, "  best: raw %.1f MB/s, StAEDI validating %.1f MB/s, Syncline %.1f MB/s%n", raw,
				validating, ours);
		System.out.printf(Locale.ROOT, "  ratio vs raw tokenization %.2f× (goal ≥ 0.50×); vs StAEDI's own schema validation %.2f×; %d orders%n",
				ours / raw, ours / validating, records);
	}

	/** StAEDI alone: tokenization only, or with the envelope and the same 850 schema Syncline validates with. */
	private static long rawStaedi(Path file, boolean validate) throws Exception {
		EDIInputFactory factory = EDIInputFactory.newFactory();
		factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, validate);
		io.xlate.edi.schema.Schema schema = validate ? io.syncline.formats.x12.X12Schemas.transaction("850") : null;
		long events = 0;
		long characters = 0;
		try (InputStream in = Files.newInputStream(file); EDIStreamReader reader = factory.createEDIStreamReader(in)) {
			while (reader.hasNext()) {
				if (reader.next() == EDIStreamEvent.ELEMENT_DATA) {
					characters += reader.getTextLength();
					if (schema != null && reader.getLocation().getElementPosition() == 1
							&& "ST".equals(reader.getLocation().getSegmentTag())) {
						reader.setTransactionSchema(schema);
					}
				}
				events++;
			}
		}
		return events + (characters & 0);
	}

	private static void csv(Path demo, Path dir, int rows, int rounds) throws Exception {
		Path file = Inputs.csvCatalog(dir, rows);
		CompiledMapping mapping = compile(demo, "boltco-catalog", true);
		System.out.printf(Locale.ROOT, "%nCSV catalog → SupplierItem, %d rows, %.1f MB%n", rows,
				Files.size(file) / 1048576.0);
		double raw = 0;
		double ours = 0;
		for (int round = 0; round <= rounds; round++) {
			long start = System.nanoTime();
			long fields = rawFastCsv(file);
			double rawSeconds = (System.nanoTime() - start) / 1e9;
			start = System.nanoTime();
			MappingRunner.Summary summary = MappingRunner.run(mapping, file, outcome -> { });
			double oursSeconds = (System.nanoTime() - start) / 1e9;
			if (summary.failed() > 0) {
				throw new IllegalStateException("benchmark input failed to map: " + summary);
			}
			if (round == 0) {
				System.out.printf(Locale.ROOT, "  warm-up: %d fields, %d supplier items%n", fields, summary.mapped());
				continue;
			}
			raw = Math.max(raw, rows / rawSeconds);
			ours = Math.max(ours, rows / oursSeconds);
			System.out.printf(Locale.ROOT, "  round %d: raw FastCSV %.0f rows/s, parse+map %.0f rows/s%n", round,
					rows / rawSeconds, rows / oursSeconds);
		}
		System.out.printf(Locale.ROOT, "  best: raw %.0f rows/s, Syncline %.0f rows/s, ratio %.2f× (goal ≥ 0.50×; stretch ≥ 1,000,000 rows/s)%n",
				raw, ours, ours / raw);
	}

	private static long rawFastCsv(Path file) throws IOException {
		long fields = 0;
		try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
			for (CsvRecord record : reader) {
				for (int i = 0; i < record.getFieldCount(); i++) {
					fields += record.getField(i).isEmpty() ? 0 : 1;
				}
			}
		}
		return fields;
	}

	private static void heap(Path demo, Path dir, int smallRows) throws Exception {
		CompiledMapping mapping = compile(demo, "boltco-catalog", true);
		Path small = Inputs.csvCatalog(dir, smallRows);
		Path large = Inputs.csvCatalog(dir, smallRows * 10);
		MappingRunner.run(mapping, small, outcome -> { }); // warm up the code paths first
		long[] smallPeak = peakHeap(mapping, small);
		long[] largePeak = peakHeap(mapping, large);
		System.out.printf(Locale.ROOT, "%nPeak heap, CSV mapping: %d rows %.1f MB, %d rows %.1f MB, ratio %.2f× (goal ≤ 1.50×)%n",
				smallRows, smallPeak[1] / 1048576.0, smallRows * 10, largePeak[1] / 1048576.0,
				(double) largePeak[1] / smallPeak[1]);
		System.out.printf(Locale.ROOT, "  (retained after each collection; heap in use including garbage not yet collected: "
				+ "%.1f MB vs %.1f MB, %.2f×, which follows the collector's young-generation sizing)%n",
				smallPeak[0] / 1048576.0, largePeak[0] / 1048576.0, (double) largePeak[0] / smallPeak[0]);
	}

	/**
	 * Peak heap while mapping, sampled every millisecond, outputs dropped as a sink would: {heap in use, heap retained
	 * after the latest collection}. The first counts garbage the collector has not reached yet, so it grows with the
	 * young generation G1 sizes for a longer run; the second is what the mapping keeps, the measure of streaming.
	 */
	private static long[] peakHeap(CompiledMapping mapping, Path file) throws Exception {
		System.gc();
		var memory = ManagementFactory.getMemoryMXBean();
		List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
				.filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();
		AtomicLong used = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
		AtomicLong retained = new AtomicLong(retained(pools));
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				used.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				retained.accumulateAndGet(retained(pools), Math::max);
				try {
					Thread.sleep(1);
				} catch (InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		MappingRunner.run(mapping, file, outcome -> { });
		sampler.interrupt();
		sampler.join();
		return new long[] { used.get(), retained.get() };
	}

	/**
	 * What survived: the young pools as the latest collection left them, and the old generation as it is now (what
	 * was promoted there stays until an old collection, so its current use is the upper bound of what is kept).
	 */
	private static long retained(List<MemoryPoolMXBean> pools) {
		long total = 0;
		for (MemoryPoolMXBean pool : pools) {
			boolean old = pool.getName().contains("Old") || pool.getName().contains("Tenured");
			total += old ? pool.getUsage().getUsed() : pool.getCollectionUsage().getUsed();
		}
		return total;
	}

	/** A demo mapping; for generated catalogs the SKU cross-reference answers every key with one item. */
	private static CompiledMapping compile(Path demo, String name, boolean anySku) throws Exception {
		Mapping mapping = MappingResources.load(demo.resolve("mappings").resolve(name + ".synmap"));
		if (anySku) {
			for (LookupTable table : mapping.getLookups()) {
				table.setDefaultValue("HS-001000");
			}
		}
		return MappingCompiler.compile(mapping, MappingEnvironment.offline());
	}

	private static int intOption(String[] args, String name, int fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return Integer.parseInt(args[i + 1]);
			}
		}
		return fallback;
	}
}
