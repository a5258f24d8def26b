package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Harbor sample dropped into the inbox of the installed runtime while {@code serve} runs, as a partner drops
 * files: into a tenant made from the Harbor template, whose end state is held to the Harbor tenant's own, which the
 * first start loads from the same files in the same order through the engine's submit (what {@code ingest} does).
 * Then a mix of BigBox orders, Acme documents and WMS events, also while the runtime is killed again and again:
 * every file journaled once, every order answered by one 855, every interchange by one 997, and the control numbers
 * sent to each partner without gaps or repeats.
 */
class ServedInboxProductTest {

	/**
	 * The Harbor business day, in the order the demo tenant loads it; restated here, not read from DemoTenant, so
	 * that a change to the demo's order is a change this test sees.
	 */
	private static final List<String[]> DAY = List.of(new String[] { "erp", "samples/erp-items.csv" },
			new String[] { "erp", "samples/erp-items-acme.csv" }, new String[] { "erp", "canonical/po-45001.xmi" },
			new String[] { "acme", "partners/acme-997-po-45001.edi" },
			new String[] { "boltco", "samples/boltco-catalog.csv" },
			new String[] { "cascade", "samples/cascade-catalog.json" },
			new String[] { "acme", "samples/edi/acme-832-price-catalog.edi" },
			new String[] { "wms", "samples/wms-atl-snapshot.xml" }, new String[] { "wms", "samples/wms-events.jsonl" },
			new String[] { "wms", "partners/wms-atl-acme-receipts.jsonl" },
			new String[] { "acme", "samples/edi/acme-846-inventory-advice.edi" },
			new String[] { "acme", "samples/edi/acme-855-po-ack.edi" },
			new String[] { "acme", "samples/edi/acme-856-asn.edi" },
			new String[] { "acme", "samples/edi/acme-810-invoice.edi" },
			new String[] { "shop", "samples/shop-orders.json" },
			new String[] { "bigbox", "samples/edi/bigbox-850-customer-order.edi" });

	private static final String TENANT = "pier";

	@TempDir
	Path dir;

	private final Path product = ProductProcess.productDir("syncline.runtime.product");
	private final Random random = new Random(20261207);

	private Path data() {
		return dir.resolve("data");
	}

	private Path tenantData() {
		return data().resolve("tenants").resolve(TENANT);
	}

	@Test
	void aBusinessDayDroppedOneFileAtATimeEndsAsTheIngestPathEnds() throws Exception {
		createTenant();
		try (ProductProcess runtime = serve("serve")) {
			for (String[] document : DAY) {
				drop(document[0], demo().resolve(document[1]), null, FileTime.fromMillis(System.currentTimeMillis()));
				awaitDrained(runtime, Duration.ofSeconds(60));
			}
			stop(runtime);
		}
		assertSameStateAsHarbor();
	}

	@Test
	void aBusinessDayDroppedAllAtOnceEndsAsTheIngestPathEnds() throws Exception {
		createTenant();
		try (ProductProcess runtime = serve("serve")) {
			long writtenAt = System.currentTimeMillis() - 60_000;
			for (int i = 0; i < DAY.size(); i++) { // written in the order of the day, then all moved in at once
				drop(DAY.get(i)[0], demo().resolve(DAY.get(i)[1]), null, FileTime.fromMillis(writtenAt + i * 1000L));
			}
			awaitDrained(runtime, Duration.ofSeconds(120));
			stop(runtime);
		}
		assertSameStateAsHarbor();
	}

	/**
	 * The repro, on the Harbor tenant the first start loads: one BigBox order renamed into its inbox is
	 * answered by an 855 and a 997. Polls are ten minutes apart here, so only the inbox's watch can take it in time.
	 */
	@Test
	void anOrderRenamedIntoTheInboxIsAnsweredWithoutWaitingForAPoll() throws Exception {
		Path outbox = data().resolve("outbox").resolve("bigbox");
		try (ProductProcess runtime = serve("repro", "600000")) {
			Thread.sleep(1500); // the first poll, at start, is over
			long before = countFiles(outbox);
			String x12 = renumber(Files.readString(demo().resolve("samples/edi/bigbox-850-customer-order.edi"))
					.replace("BB-7730021", "BB-7730099"), 700_001);
			Path inbox = data().resolve("inbox").resolve("bigbox");
			Path written = inbox.resolve(".repro.edi.part");
			Files.writeString(written, x12);
			long renamed = System.nanoTime();
			Files.move(written, inbox.resolve("repro.edi"), StandardCopyOption.ATOMIC_MOVE);
			long deadline = renamed + Duration.ofSeconds(30).toNanos();
			while (countFiles(outbox) < before + 2) {
				assertTrue(System.nanoTime() < deadline, "no 855 and 997 within 30 s:\n" + runtime.output());
				Thread.sleep(20);
			}
			System.out.printf("served repro: the 855 and the 997 written %d ms after the order was renamed in%n",
					(System.nanoTime() - renamed) / 1_000_000);
			stop(runtime);
		}
	}

	private static long countFiles(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.count();
		}
	}

	@Test
	void ordersAcknowledgmentsAndStockMixedAreEachAnsweredOnce() throws Exception {
		mixed(0);
	}

	@Test
	void theSameMixArrivingWhileTheRuntimeIsKilledTwentyTimesIsAnsweredOnce() throws Exception {
		mixed(KILLS);
	}

	/**
	 * The day, then 20 BigBox orders, 20 each of Acme's 855, 856 and 810, and 200 WMS receipts, shuffled; with
	 * kills, they arrive in as many parts, one before each start, as partners go on dropping files while the
	 * runtime dies again and again.
	 */
	private void mixed(int kills) throws Exception {
		createTenant();
		try (ProductProcess runtime = serve("day")) {
			long writtenAt = System.currentTimeMillis() - 60_000;
			for (int i = 0; i < DAY.size(); i++) {
				drop(DAY.get(i)[0], demo().resolve(DAY.get(i)[1]), null, FileTime.fromMillis(writtenAt + i * 1000L));
			}
			awaitDrained(runtime, Duration.ofSeconds(120));
			stop(runtime);
		}
		Map<String, Long> onHandBefore = onHand();
		Mix mix = mix(20, 20, 200);

		int killed = 0;
		for (List<Runnable> part : kills == 0 ? List.<List<Runnable>>of() : mix.parts(kills)) {
			part.forEach(Runnable::run);
			try (ProductProcess runtime = serve("run-" + killed)) {
				Thread.sleep(random.nextInt(1200));
				runtime.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of anything
				runtime.process().waitFor();
				killed++;
			}
		}
		if (kills == 0) {
			mix.drops().forEach(Runnable::run);
		}
		try (ProductProcess last = serve("last")) {
			long started = System.nanoTime();
			awaitDrained(last, Duration.ofMinutes(5));
			System.out.printf("served inbox mix: %d files, %d SIGKILLs while they arrived; the last run worked off "
					+ "what was left in %d ms%n", mix.files(), killed, (System.nanoTime() - started) / 1_000_000);
			stop(last);
		}
		assertEquals(kills, killed);

		try (Connection db = database()) {
			assertEquals(mix.files(), count(db, "SELECT COUNT(DISTINCT source_name) FROM messages WHERE tenant_id = ? "
					+ "AND direction = 'IN' AND source_name LIKE 'mix-%'"), "no file lost");
			assertEquals(mix.files(), count(db, "SELECT COUNT(*) FROM messages WHERE tenant_id = ? AND direction = 'IN' "
					+ "AND source_name LIKE 'mix-%' AND resubmit_of IS NULL"), "no file journaled twice");
			assertEquals(0, count(db, "SELECT COUNT(*) FROM messages WHERE tenant_id = ? AND status = 'RECEIVED'"),
					"no message left unfinished");
			for (String po : mix.orders()) {
				assertEquals(1, count(db, "SELECT COUNT(*) FROM messages m JOIN message_keys k ON k.tenant_id = m.tenant_id "
						+ "AND k.message_id = m.id WHERE m.tenant_id = ? AND m.direction = 'OUT' AND m.document_type = '855' "
						+ "AND k.key_type = 'PO' AND k.key_value = '" + po + "'"), "one 855 for " + po);
			}
			assertEquals(mix.interchanges(), count(db, "SELECT COUNT(*) FROM messages WHERE tenant_id = ? "
					+ "AND direction = 'OUT' AND document_type = '997' AND source_name LIKE '997-%-5%'"),
					"one 997 for every interchange of the mix");
			Map<String, Long> onHandAfter = onHand(db);
			for (Map.Entry<String, Long> item : mix.receiptsPerItem().entrySet()) {
				assertEquals(onHandBefore.getOrDefault(item.getKey(), 0L) + item.getValue(),
						onHandAfter.get(item.getKey()), "on hand of " + item.getKey() + " at ATL: each receipt once");
			}
			for (String partner : List.of("bigbox", "acme")) {
				assertControlNumbersWithoutGaps(db, partner);
			}
		}
		assertEquals(0, remaining(), "every file left the inbox and the processing folder");
	}

	private static final int KILLS = Integer.getInteger("syncline.served.kills", 20);

	/** A tenant made from the Harbor template, before the runtime first serves (which loads Harbor's own day). */
	private void createTenant() throws Exception {
		try (ProductProcess create = ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve("tenant.log"),
				"--data", data().toString(), "tenant", "create", TENANT, "--from", "harbor", "--name", "Pier Supply",
				"--interchange-id", "ZZ:PIERSUPPLY", "--reason", "served inbox test")) {
			assertEquals(0, create.awaitExit(Duration.ofSeconds(120)), create.output());
		}
	}

	private ProductProcess serve(String name) throws Exception {
		return serve(name, "200");
	}

	private ProductProcess serve(String name, String pollMillis) throws Exception {
		ProductProcess runtime = ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve(name + ".log"),
				Map.of("SYNCLINE_POLL_MS", pollMillis), "--data", data().toString(), "serve");
		assertTrue(runtime.awaitOutput(l -> l.contains(" up: "), Duration.ofSeconds(180)), runtime.output());
		return runtime;
	}

	private static void stop(ProductProcess runtime) throws Exception {
		runtime.process().destroy();
		assertEquals(0, runtime.awaitExit(Duration.ofSeconds(120)), "a clean stop exits 0:\n" + runtime.output());
	}

	/**
	 * Writes a file under a temporary name, dates it {@code writtenAt} (when its partner made it) and renames it into
	 * the tenant's inbox, as a partner's upload does; {@code content} replaces the file's own bytes if given.
	 */
	private void drop(String partner, Path source, String content, FileTime writtenAt) throws IOException {
		drop(partner, source.getFileName().toString(), content != null ? content.getBytes(StandardCharsets.UTF_8)
				: Files.readAllBytes(source), writtenAt);
	}

	private void drop(String partner, String name, byte[] content, FileTime writtenAt) throws IOException {
		Path inbox = Files.createDirectories(tenantData().resolve("inbox").resolve(partner));
		Path written = inbox.resolve("." + name + ".part");
		Files.write(written, content);
		Files.setLastModifiedTime(written, writtenAt);
		Files.move(written, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

	/** Waits until the tenant's inbox and processing folders are empty and the outbox has been written. */
	private void awaitDrained(ProductProcess runtime, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (remaining() > 0) {
			assertTrue(runtime.process().isAlive(), "the runtime ended:\n" + runtime.output());
			assertTrue(System.nanoTime() < deadline, remaining() + " file(s) still waiting after " + timeout + ":\n"
					+ runtime.output());
			Thread.sleep(100);
		}
		Thread.sleep(500); // the poll that kept the last file publishes its outbound documents right after
	}

	/** Files in the tenant's inbox and processing folders, counted without a look at any file the runtime moves. */
	private long remaining() throws IOException {
		long files = 0;
		for (String folder : List.of("inbox", "processing")) {
			Path root = tenantData().resolve(folder);
			if (!Files.isDirectory(root)) {
				continue;
			}
			List<Path> partners;
			try (Stream<Path> listed = Files.list(root)) {
				partners = listed.toList();
			}
			for (Path partner : partners) {
				try (Stream<Path> names = Files.list(partner)) {
					files += names.count();
				} catch (java.nio.file.NotDirectoryException e) {
					// not a partner's folder
				}
			}
		}
		return files;
	}

	/**
	 * What the mix holds: its drops (shuffled; each writes one file into the inbox), the BigBox orders, the
	 * interchanges it sends, and WMS receipts per item.
	 */
	private record Mix(List<Runnable> drops, List<String> orders, int interchanges, Map<String, Long> receiptsPerItem) {
		int files() {
			return drops.size();
		}

		/** The drops in {@code count} parts of about the same size, in their shuffled order. */
		List<List<Runnable>> parts(int count) {
			List<List<Runnable>> parts = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				parts.add(drops.subList(i * drops.size() / count, (i + 1) * drops.size() / count));
			}
			return parts;
		}
	}

	/**
	 * BigBox 850s (each its own PO and control numbers), Acme 855, 856 and 810s sent again with control numbers of
	 * their own, and WMS receipts of one unit (one event per file), shuffled; dropped when each drop is run.
	 */
	private Mix mix(int orders, int acmeEach, int events) throws IOException {
		String order = Files.readString(demo().resolve("samples/edi/bigbox-850-customer-order.edi"));
		List<Runnable> drops = new ArrayList<>();
		List<String> pos = new ArrayList<>();
		List<IOException> failed = new ArrayList<>();
		int[] interchange = { 500_000 };
		for (int i = 0; i < orders; i++) {
			String po = String.format("BB-88%05d", i);
			pos.add(po);
			String x12 = renumber(order.replace("BB-7730021", po), ++interchange[0]);
			drops.add(() -> dropQuietly("bigbox", "mix-" + po + ".edi", x12, failed));
		}
		for (String type : List.of("855-po-ack", "856-asn", "810-invoice")) {
			String document = Files.readString(demo().resolve("samples/edi/acme-" + type + ".edi"));
			for (int i = 0; i < acmeEach; i++) {
				String x12 = renumber(document, ++interchange[0]);
				String name = String.format("mix-acme-%s-%02d.edi", type, i);
				drops.add(() -> dropQuietly("acme", name, x12, failed));
			}
		}
		Map<String, Long> perItem = new TreeMap<>();
		for (int i = 0; i < events; i++) {
			String item = "HS-00100" + (i % 10);
			perItem.merge(item, 1L, Long::sum);
			String event = String.format("{\"eventId\": \"mix-%05d\", \"type\": \"RECEIPT\", \"item\": \"%s\", "
					+ "\"warehouse\": \"ATL\", \"qty\": 1, \"uom\": \"EA\", \"at\": \"2026-12-07T10:00:00Z\"}%n", i, item);
			String name = String.format("mix-%05d.jsonl", i);
			drops.add(() -> dropQuietly("wms", name, event, failed));
		}
		Collections.shuffle(drops, random);
		List<Runnable> checked = new ArrayList<>();
		for (Runnable drop : drops) {
			checked.add(() -> {
				drop.run();
				if (!failed.isEmpty()) {
					throw new java.io.UncheckedIOException(failed.get(0));
				}
			});
		}
		return new Mix(checked, pos, interchange[0] - 500_000, perItem);
	}

	private void dropQuietly(String partner, String name, String content, List<IOException> failed) {
		try {
			drop(partner, name, content.getBytes(StandardCharsets.UTF_8), FileTime.fromMillis(System.currentTimeMillis()));
		} catch (IOException e) {
			failed.add(e);
		}
	}

	/** The interchange and group control numbers of an X12 file with one group, set to {@code number}. */
	private static String renumber(String x12, int number) {
		Matcher isa = SentInterchanges.ISA13.matcher(x12);
		assertTrue(isa.find(), x12);
		String was = isa.group(2);
		String group = Pattern.compile("GS(.)(?:[^~]*?\\1){5}(\\d+)\\1").matcher(x12).results().findFirst()
				.orElseThrow().group(2);
		return x12.replace(isa.group(1) + was + isa.group(1), isa.group(1) + String.format("%09d", number) + isa.group(1))
				.replace("IEA*1*" + was, "IEA*1*" + String.format("%09d", number))
				.replaceFirst("(GS(?:\\*[^*~]*){5})\\*" + group + "\\*", "$1*" + number + "*")
				.replace("GE*1*" + group + "~", "GE*1*" + number + "~");
	}

	// --- the end state, read from the runtime's database once it has stopped

	private Connection database() throws SQLException {
		return DriverManager.getConnection("jdbc:h2:file:" + data().resolve("store/syncline")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
	}

	/** The tenant fed through the inbox ends as Harbor, fed the same files through the engine's submit, ended. */
	private void assertSameStateAsHarbor() throws Exception {
		try (Connection db = database()) {
			TenantState.assertSame(db, "harbor", TENANT);
			for (String partner : List.of("bigbox", "acme")) {
				assertControlNumbersWithoutGaps(db, partner);
			}
		}
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(sql)) {
			query.setString(1, TENANT);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private Map<String, Long> onHand() throws SQLException {
		try (Connection db = database()) {
			return onHand(db);
		}
	}

	private static Map<String, Long> onHand(Connection db) throws SQLException {
		Map<String, Long> onHand = new HashMap<>();
		try (PreparedStatement query = db.prepareStatement("SELECT item_number, on_hand FROM inventory_positions "
				+ "WHERE tenant_id = ? AND warehouse = 'ATL'")) {
			query.setString(1, TENANT);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					onHand.put(rows.getString(1), rows.getBigDecimal(2).longValueExact());
				}
			}
		}
		return onHand;
	}

	/** The interchange control numbers sent to a partner are exactly 1 … n, n being its counter, each once. */
	private void assertControlNumbersWithoutGaps(Connection db, String partner) throws SQLException, IOException {
		List<Long> used = new ArrayList<>(SentInterchanges.numbers(db, TENANT, partner));
		Collections.sort(used);
		List<Long> expected = new ArrayList<>();
		for (long n = 1; n <= used.size(); n++) {
			expected.add(n);
		}
		assertEquals(expected, used, "the interchanges sent to " + partner + " are numbered 1 … n, none twice");
		try (Stream<Path> published = Files.list(tenantData().resolve("outbox").resolve(partner))) {
			assertEquals(used.size(), published.count(), "every document sent to " + partner + " is in its outbox once");
		}
	}

	private Path demo() throws IOException {
		try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
			return plugins.filter(p -> p.getFileName().toString().startsWith("io.syncline.demo_") && Files.isDirectory(p))
					.findFirst().orElseThrow();
		}
	}
}
