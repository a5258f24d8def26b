package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed runtime ingesting generated partner files through its inbox while it is killed with SIGKILL at
 * random moments and restarted each time. At the end the inbox, the journal and the canonical state must
 * reconcile: every file journaled exactly once, every WMS event applied exactly once, every BigBox order taken
 * once, and the control numbers of what went out to BigBox without gaps or duplicates.
 */
class RuntimeCrashProductTest {

	@TempDir
	Path dir;

	private final Path product = ProductProcess.productDir("syncline.runtime.product");
	private final int messages = Integer.getInteger("syncline.crash.messages", 100_000);
	private final int kills = Integer.getInteger("syncline.crash.kills", 20);
	private final Random random = new Random(20261127);

	private Path data() {
		return dir.resolve("data");
	}

	private ProductProcess serve(String name) throws IOException {
		return ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve(name + ".log"), "--data",
				data().toString(), "serve");
	}

	@Test
	void killedAgainAndAgainWhileIngestingItLosesNothingAndAppliesNothingTwice() throws Exception {
		// first start: the demo tenant loads; then a clean stop, to read the state the generated files start from
		try (ProductProcess first = serve("first")) {
			assertTrue(first.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(120)), first.output());
			first.process().destroy();
			first.awaitExit(Duration.ofSeconds(60));
		}
		Map<String, Long> onHandBefore = onHand();
		Generated generated = generate();

		int killed = 0;
		while (killed < kills && remaining() > 0) {
			try (ProductProcess runtime = serve("run-" + killed)) {
				assertTrue(runtime.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(120)), runtime.output());
				Thread.sleep(1000 + random.nextInt(5000));
				runtime.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of anything
				runtime.process().waitFor();
				killed++;
			}
		}
		try (ProductProcess last = serve("last")) {
			assertTrue(last.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(120)), last.output());
			long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
			while (remaining() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(500);
			}
			Thread.sleep(2000); // the last poll's outbox publish
			last.process().destroy();
			assertEquals(0, last.awaitExit(Duration.ofSeconds(120)), "a clean stop on SIGTERM exits 0:\n" + last.output());
		}
		System.out.printf("crash test: %d messages, %d SIGKILLs%n", messages, killed);
		assertEquals(kills, killed, "the runtime was killed while files were still waiting");
		assertEquals(0, remaining(), "every file left the inbox and the processing folder");

		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data().resolve("store/syncline")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
			assertEquals(messages, count(db, "SELECT COUNT(DISTINCT source_name) FROM messages WHERE direction = 'IN' "
					+ "AND source_name LIKE 'crash-%'"), "no message lost");
			assertEquals(messages, count(db, "SELECT COUNT(*) FROM messages WHERE direction = 'IN' "
					+ "AND source_name LIKE 'crash-%'"), "no message journaled twice");
			assertEquals(0, count(db, "SELECT COUNT(*) FROM messages WHERE direction = 'IN' AND status = 'RECEIVED'"),
					"no message left unfinished");
			assertEquals(generated.events(), count(db, "SELECT COUNT(*) FROM idempotency_keys "
					+ "WHERE key_value LIKE 'wms-event/crash-%'"), "every event claimed once");
			Map<String, Long> onHandAfter = onHand(db);
			for (Map.Entry<String, Long> item : generated.receiptsPerItem().entrySet()) {
				assertEquals(onHandBefore.getOrDefault(item.getKey(), 0L) + item.getValue(),
						onHandAfter.get(item.getKey()), "on hand of " + item.getKey() + " at ATL: each receipt once");
			}
			assertEquals(generated.orders(), count(db, "SELECT COUNT(*) FROM sales_orders WHERE order_number LIKE 'CR-%' "
					+ "OR customer_po LIKE 'CR-%'"), "every order taken once");
			assertControlNumbersWithoutGaps(db);
		}
	}

	/** The inbox and the processing folder still hold this many files. */
	private long remaining() throws IOException {
		return countFiles(data().resolve("inbox/wms")) + countFiles(data().resolve("inbox/bigbox"))
				+ countFiles(data().resolve("processing/wms")) + countFiles(data().resolve("processing/bigbox"));
	}

	private static long countFiles(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.count();
		}
	}

	/** What was generated: events per item (all receipts of 1 at ATL), and BigBox orders. */
	private record Generated(long events, Map<String, Long> receiptsPerItem, long orders) {
	}

	/**
	 * WMS receipts of one unit each (one event per file) and, every 200th file, a BigBox 850 with an order number of
	 * its own, each answered by an 855 and a 997 with control numbers.
	 */
	private Generated generate() throws IOException {
		Path wms = Files.createDirectories(data().resolve("inbox/wms"));
		Path bigbox = Files.createDirectories(data().resolve("inbox/bigbox"));
		String order = Files.readString(demo().resolve("samples/edi/bigbox-850-customer-order.edi"));
		Map<String, Long> perItem = new HashMap<>();
		long events = 0;
		long orders = 0;
		for (int i = 0; i < messages; i++) {
			if (i % 200 == 199) {
				Files.writeString(bigbox.resolve(String.format("crash-%06d.edi", i)),
						order.replace("BB-7730021", String.format("CR-%06d", i)));
				orders++;
			} else {
				String item = "HS-00100" + (i % 10);
				Files.writeString(wms.resolve(String.format("crash-%06d.jsonl", i)), String.format(
						"{\"eventId\": \"crash-%06d\", \"type\": \"RECEIPT\", \"item\": \"%s\", \"warehouse\": \"ATL\", "
								+ "\"qty\": 1, \"uom\": \"EA\", \"at\": \"2026-11-27T10:00:00Z\"}%n", i, item));
				perItem.merge(item, 1L, Long::sum);
				events++;
			}
		}
		return new Generated(events, perItem, orders);
	}

	private Path demo() throws IOException {
		try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
			return plugins.filter(p -> p.getFileName().toString().startsWith("io.syncline.demo_") && Files.isDirectory(p))
					.findFirst().orElseThrow();
		}
	}

	private Map<String, Long> onHand() throws SQLException {
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data().resolve("store/syncline")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
			return onHand(db);
		}
	}

	private static Map<String, Long> onHand(Connection db) throws SQLException {
		Map<String, Long> onHand = new HashMap<>();
		try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery("SELECT item_number, on_hand "
				+ "FROM inventory_positions WHERE tenant_id = 'harbor' AND warehouse = 'ATL'")) {
			while (rows.next()) {
				onHand.put(rows.getString(1), rows.getBigDecimal(2).longValueExact());
			}
		}
		return onHand;
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement query = db.createStatement(); ResultSet row = query.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	/** The interchange control numbers of everything sent to BigBox are exactly 1 … n, n being the counter. */
	private void assertControlNumbersWithoutGaps(Connection db) throws SQLException, IOException {
		List<Long> used = SentInterchanges.numbers(db, "harbor", "bigbox");
		long last = count(db, "SELECT last_value FROM control_numbers WHERE tenant_id = 'harbor' AND partner_id = 'bigbox' "
				+ "AND kind = 'INTERCHANGE'");
		assertEquals(used.size(), new TreeSet<>(used).size(), "no interchange control number used twice");
		assertEquals(last, used.size(), "no interchange control number skipped: " + new TreeSet<>(used));
		assertEquals(Long.valueOf(last), new TreeSet<>(used).last());
		long published = countFiles(data().resolve("outbox/bigbox"));
		assertEquals(used.size(), published, "every document sent to BigBox is in its outbox once");
	}
}
