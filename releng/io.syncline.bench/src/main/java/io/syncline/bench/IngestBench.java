package io.syncline.bench;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.syncline.engine.ChunkSettings;
import io.syncline.engine.Ingestion;
import io.syncline.store.Store;

/**
 * A catalog far larger than the heap through the ingest path: journaled as a stream, mapped, applied in chunks with
 * checkpoints, into H2. Against raw FastCSV reading the same file in the same run; retained heap (after a full
 * collection) sampled as the records pass given counts, to show it does not grow with the file. Run it with a small
 * heap ({@code -Xmx256m}) to show the file need not fit.
 */
final class IngestBench {

	private IngestBench() {
	}

	static void run(Path demo, Path dir, int rows) throws Exception {
		System.out.printf(Locale.ROOT, "%nIngest: a %,d-row Bolt & Co catalog into H2, max heap %d MB%n", rows,
				Runtime.getRuntime().maxMemory() >> 20);
		Path catalog = Inputs.csvCatalog(dir, rows);
		double megabytes = Files.size(catalog) / 1048576.0;
		long fields = 0;
		double rawSeconds = Double.MAX_VALUE;
		for (int round = 0; round < 3; round++) { // the best of three, the first one warming FastCSV up
			long start = System.nanoTime();
			fields = rawFastCsv(catalog);
			rawSeconds = Math.min(rawSeconds, (System.nanoTime() - start) / 1e9);
		}
		System.out.printf(Locale.ROOT, "  raw FastCSV: %.0f MB, %,.0f rows/s (%d fields)%n", megabytes, rows / rawSeconds,
				fields);

		try (Store store = Store.openH2(dir.resolve("ingest-store"))) {
			crossReference(store, rows);
			Path mappings = catalogMappingWithoutLookup(demo, dir);
			Ingestion ingestion = new Ingestion(store, mappings, "bench", new BigDecimal("2"));
			Map<Long, Long> retained = new TreeMap<>();
			long[] sampleAt = { 1_000_000, Math.max(1_000_000, rows) };
			int chunk = Integer.getInteger("syncline.chunkRecords", ChunkSettings.DEFAULT_RECORDS);
			ingestion.chunks(new ChunkSettings(chunk, (message, name, records, bytes, total) -> {
				for (long at : sampleAt) {
					if (records >= at && !retained.containsKey(at)) {
						retained.put(at, retainedHeap());
					}
				}
			}));
			long start = System.nanoTime();
			Ingestion.Result result = ingestion.ingest("boltco", catalog);
			double oursSeconds = (System.nanoTime() - start) / 1e9;
			if (!result.status().equals("APPLIED") || result.records() != rows) {
				throw new IllegalStateException("the catalog did not apply cleanly: " + result.status() + " "
						+ result.outcomes() + " " + result.problems().stream().limit(3).toList());
			}
			System.out.printf(Locale.ROOT, "  Syncline ingest (journal, map, apply in chunks of %d, commit): %,.0f rows/s, "
					+ "%.0f s; raw FastCSV is %.1f× as fast%n", chunk, rows / oursSeconds, oursSeconds,
					(rows / rawSeconds) / (rows / oursSeconds));
			retained.forEach((at, bytes) -> System.out.printf(Locale.ROOT, "  retained heap at %,d rows: %.1f MB%n", at,
					bytes / 1048576.0));
			if (retained.size() == 2) {
				long first = retained.get(sampleAt[0]);
				long last = retained.get(sampleAt[1]);
				System.out.printf(Locale.ROOT, "  retained heap %,d vs %,d rows: %.2f× (goal ≤ 1.2×)%n", sampleAt[1],
						sampleAt[0], (double) last / first);
			}
		}
	}

	private static long rawFastCsv(Path file) throws Exception {
		long fields = 0;
		try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
			for (CsvRecord record : reader) {
				fields += record.getFieldCount();
			}
		}
		return fields;
	}

	/** The heap still in use after a full collection: what the run keeps, not its garbage. */
	private static long retainedHeap() {
		System.gc();
		long used = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
				used += pool.getCollectionUsage().getUsed();
			}
		}
		return used;
	}

	/** The ERP's cross-reference for every generated SKU, written directly: setting up, not measured. */
	private static void crossReference(Store store, int rows) throws Exception {
		try (Connection connection = store.connection();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO item_xref "
						+ "(tenant_id, partner_id, supplier_sku, item_number) VALUES ('bench', 'boltco', ?, ?)")) {
			for (int i = 0; i < rows; i++) {
				insert.setString(1, String.format(Locale.ROOT, "BC-%07d", i));
				insert.setString(2, String.format(Locale.ROOT, "HS-%07d", i));
				insert.addBatch();
				if (i % 10_000 == 9_999) {
					insert.executeBatch();
					connection.commit();
				}
			}
			insert.executeBatch();
			connection.commit();
		}
	}

	/**
	 * The demo mappings, but Bolt & Co's without its twelve-entry lookup table for the item: the generated SKUs are
	 * found through the store's cross-reference, as a real catalog's are.
	 */
	private static Path catalogMappingWithoutLookup(Path demo, Path dir) throws Exception {
		Path mappings = Files.createDirectories(dir.resolve("ingest-mappings"));
		String synmap = Files.readString(demo.resolve("mappings/boltco-catalog.synmap"), StandardCharsets.UTF_8);
		String withoutLookup = synmap.replaceAll("(?s)  <rules xsi:type=\"synmap:FieldRule\" target=\"item\".*?</rules>\n", "");
		try (BufferedWriter out = Files.newBufferedWriter(mappings.resolve("boltco-catalog.synmap"))) {
			out.write(withoutLookup);
		}
		return mappings;
	}
}
