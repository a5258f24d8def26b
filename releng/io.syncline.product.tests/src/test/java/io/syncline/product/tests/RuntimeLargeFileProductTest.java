package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed runtime on files larger than its heap: what cannot fit ends the process with exit code 3 and one
 * line, a message that kills every start is quarantined so the runtime comes up, and a catalog of millions of rows
 * fed through the inbox under SIGKILL resumes from its checkpoints and applies every record exactly once.
 */
class RuntimeLargeFileProductTest {

	@TempDir
	Path dir;

	private final Path product = ProductProcess.productDir("syncline.runtime.product");
	private final int catalogRows = Integer.getInteger("syncline.large.rows", 2_000_000);

	private Path data() {
		return dir.resolve("data");
	}

	private ProductProcess runtime(String name, String heap, String... args) throws IOException {
		List<String> all = new ArrayList<>(List.of("--data", data().toString()));
		all.addAll(List.of(args));
		return ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve(name + ".log"),
				Map.of("SYNCLINE_JAVA_OPTS", "-Xmx" + heap, "SYNCLINE_LOG_DIR", dir.resolve("logs").toString()),
				all.toArray(String[]::new));
	}

	/** A WMS snapshot of {@code positions} positions: a snapshot applies whole, so it is held whole. */
	private Path snapshot(int positions) throws IOException {
		Path file = dir.resolve("wms-atl-full-snapshot.xml");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
					+ "<InventorySnapshot site=\"ATL\" asOf=\"2026-11-21T06:00:00Z\">\n");
			for (int i = 0; i < positions; i++) {
				out.write(String.format("  <Position item=\"HX-%07d\" location=\"ATL-A%02d-%02d\">%n    <OnHand uom=\"EA\">"
						+ "%d</OnHand><Allocated>%d</Allocated><Damaged>0</Damaged>%n  </Position>%n", i, i % 40, i % 10,
						i % 900, i % 50));
			}
			out.write("</InventorySnapshot>\n");
		}
		return file;
	}

	/** Everything the process printed is about the failure, in one line, and no stack trace. */
	private static void assertOneLine(String output, String expected) {
		List<String> fatal = output.lines().filter(l -> l.contains(": fatal: ")).toList();
		assertEquals(1, fatal.size(), output);
		assertTrue(fatal.get(0).contains(expected), output);
		assertFalse(output.contains("\tat ") || output.contains("Exception"), output);
	}

	@Test
	void whatCannotFitItsHeapEndsWithOneLineAndAMessageThatKillsEveryStartIsQuarantinedOnTheFourth()
			throws Exception {
		Path snapshot = snapshot(150_000);
		try (ProductProcess ingest = runtime("ingest", "64m", "ingest", "--partner", "wms", snapshot.toString())) {
			assertEquals(3, ingest.awaitExit(Duration.ofSeconds(180)), ingest.output());
			assertOneLine(ingest.output(), "ingest: fatal: message 1 (wms-atl-full-snapshot.xml): out of memory");
		}
		for (int start = 1; start <= 3; start++) {
			try (ProductProcess serve = runtime("serve-" + start, "64m", "serve")) {
				assertEquals(3, serve.awaitExit(Duration.ofSeconds(180)), "start " + start + ": " + serve.output());
				assertFalse(serve.output().contains(" up: data directory"), "a start that dies is never up");
				assertOneLine(serve.output(), "serve: fatal: message 1 (wms-atl-full-snapshot.xml): out of memory");
			}
		}
		// meanwhile the warehouse sends stock events: they must not wait behind the poisoned snapshot
		Path inbox = Files.createDirectories(data().resolve("inbox/wms"));
		Files.writeString(inbox.resolve("events.part"), "{\"eventId\": \"after-poison-1\", \"type\": \"RECEIPT\", "
				+ "\"item\": \"HX-0000001\", \"warehouse\": \"ATL\", \"qty\": 5, \"uom\": \"EA\", "
				+ "\"at\": \"2026-11-27T10:00:00Z\"}\n");
		Files.move(inbox.resolve("events.part"), inbox.resolve("events-after.jsonl"), StandardCopyOption.ATOMIC_MOVE);
		try (ProductProcess serve = runtime("serve-4", "64m", "serve")) {
			assertTrue(serve.awaitOutput(l -> l.contains("picked up 1 file(s), 1 applied cleanly"),
					Duration.ofSeconds(180)), serve.output());
			assertTrue(serve.output().contains("message 1 (wms-atl-full-snapshot.xml) quarantined: resumed by 3 starts"),
					serve.output());
			assertTrue(serve.output().contains(" up: data directory"), "the fourth start comes up: " + serve.output());
			serve.process().destroy();
			serve.awaitExit(Duration.ofSeconds(60));
			assertTrue(serve.output().contains("stopped cleanly"), serve.output());
		}
		String open = runOk("exceptions", "64m", "exceptions", "--open");
		assertTrue(open.contains("\"kind\" : \"POISON\"") && open.contains("last error known: out of memory"), open);
		String journal = runOk("journal", "64m", "journal", "--partner", "wms");
		assertTrue(journal.contains("\"status\" : \"QUARANTINED\""), journal);

		// the cause fixed (a larger heap), a person resubmits it from the queue
		long poison = exceptionId(open, "POISON");
		String resubmitted = runOk("resubmit", "512m", "resubmit", Long.toString(poison));
		assertTrue(resubmitted.contains("\"status\" : \"APPLIED\"") && resubmitted.contains("\"records\" : 150000"),
				resubmitted);
	}

	@Test
	void aCatalogOfMillionsOfRowsKilledMidWayThroughTheInboxResumesFromCheckpointsAndAppliesEachRowOnce()
			throws Exception {
		// first start: the demo tenant (Bolt & Co's SKUs cross-referenced) loads
		try (ProductProcess first = runtime("first", "256m", "serve")) {
			assertTrue(first.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(180)), first.output());
			first.process().destroy();
			first.awaitExit(Duration.ofSeconds(60));
		}
		Path inbox = Files.createDirectories(data().resolve("inbox/boltco"));
		Path part = dir.resolve("boltco-catalog-full.part");
		List<String> sample = Files.readAllLines(demo().resolve("samples/boltco-catalog.csv"));
		try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
			out.write(sample.get(0));
			out.newLine();
			for (int row = 0; row < catalogRows; row++) {
				out.write(sample.get(1 + row % 12));
				out.newLine();
			}
		}
		// map streams it, in a heap a fraction of its size: one line per record
		Path mapped = dir.resolve("catalog.jsonl");
		try (ProductProcess map = runtime("map", "64m", "map", "--mapping",
				demo().resolve("mappings/boltco-catalog.synmap").toString(), "--input", part.toString(), "--format",
				"jsonl", "--output", mapped.toString())) {
			assertEquals(0, map.awaitExit(Duration.ofSeconds(300)), map.output());
			assertTrue(map.output().contains(catalogRows + " mapped, 0 failed"), map.output());
		}
		try (Stream<String> lines = Files.lines(mapped)) {
			assertEquals(catalogRows, lines.filter(l -> l.startsWith("{\"record\":")).count());
		}
		Files.delete(mapped);
		Files.move(part, inbox.resolve("boltco-catalog-full.csv"), StandardCopyOption.ATOMIC_MOVE);

		List<Long> checkpoints = new ArrayList<>();
		for (int kill = 0; kill < 3; kill++) {
			try (ProductProcess serve = runtime("run-" + kill, "256m", "serve")) {
				// killed on progress this start made, not after a time: mid-way on a machine of any speed
				long before = kill == 0 ? 0 : checkpoints.get(kill - 1);
				assertTrue(serve.awaitOutput(l -> progressed(l, before), Duration.ofMinutes(5)), serve.output());
				serve.process().destroyForcibly(); // SIGKILL: nothing closed, nothing flushed
				serve.process().waitFor();
			}
			checkpoints.add(checkpoint());
		}
		try (ProductProcess last = runtime("last", "256m", "serve")) {
			assertTrue(last.awaitOutput(l -> l.contains("recovered 1 file(s)"), Duration.ofMinutes(10)), last.output());
			last.process().destroy();
			last.awaitExit(Duration.ofSeconds(60));
		}
		System.out.printf("large-file test: %,d rows, checkpoints after each SIGKILL %s%n", catalogRows, checkpoints);
		assertTrue(checkpoints.get(checkpoints.size() - 1) > 0, "chunks were committed before a kill: " + checkpoints);
		assertTrue(checkpoints.get(checkpoints.size() - 1) < catalogRows, "every kill came mid-way: " + checkpoints);
		for (int i = 1; i < checkpoints.size(); i++) {
			assertTrue(checkpoints.get(i) >= checkpoints.get(i - 1), "checkpoints never go back: " + checkpoints);
		}
		try (Connection db = database()) {
			assertEquals(1, count(db, "SELECT COUNT(*) FROM messages WHERE source_name = 'boltco-catalog-full.csv'"),
					"journaled once");
			assertEquals("APPLIED", text(db, "SELECT status FROM messages WHERE source_name = 'boltco-catalog-full.csv'"));
			long message = count(db, "SELECT id FROM messages WHERE source_name = 'boltco-catalog-full.csv'");
			assertEquals(catalogRows, count(db, "SELECT checkpoint_records FROM messages WHERE id = " + message));
			assertEquals(catalogRows, count(db, "SELECT COUNT(*) FROM idempotency_keys WHERE key_value LIKE "
					+ "'supplier-item/" + message + "/%'"), "every row applied: none skipped, and claimed once each");
			assertEquals(0, count(db, "SELECT COUNT(*) FROM exceptions WHERE message_id = " + message));
		}
		assertEquals(1, countFiles(data().resolve("archive/boltco")), "the file archived once");
	}

	/** A progress line of the catalog a tenth of it beyond {@code records}, short of the end. */
	private boolean progressed(String line, long records) {
		java.util.regex.Matcher progress = PROGRESS.matcher(line);
		return progress.find() && Long.parseLong(progress.group(1)) > records + catalogRows / 10
				&& Long.parseLong(progress.group(1)) < catalogRows * 9L / 10;
	}

	private static final java.util.regex.Pattern PROGRESS = java.util.regex.Pattern
			.compile("\\(boltco-catalog-full\\.csv\\): (\\d+) records done");

	private long checkpoint() throws SQLException {
		try (Connection db = database()) {
			return count(db, "SELECT COALESCE(MAX(checkpoint_records), 0) FROM messages "
					+ "WHERE source_name = 'boltco-catalog-full.csv'");
		}
	}

	private String runOk(String name, String heap, String... args) throws Exception {
		try (ProductProcess cli = runtime(name, heap, args)) {
			int exit = cli.awaitExit(Duration.ofSeconds(300));
			assertEquals(0, exit, cli.output());
			return cli.output();
		}
	}

	private static long exceptionId(String json, String kind) {
		int at = json.indexOf("\"kind\" : \"" + kind + "\"");
		int id = json.lastIndexOf("\"id\" : ", at);
		return Long.parseLong(json.substring(id + 7, json.indexOf(',', id)).trim());
	}

	private Connection database() throws SQLException {
		return DriverManager.getConnection("jdbc:h2:file:" + data().resolve("store/syncline")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(sql); ResultSet row = query.executeQuery()) {
			row.next();
			return row.getLong(1);
		}
	}

	private static String text(Connection db, String sql) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(sql); ResultSet row = query.executeQuery()) {
			row.next();
			return row.getString(1);
		}
	}

	private static long countFiles(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	private Path demo() throws IOException {
		try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
			return plugins.filter(p -> p.getFileName().toString().startsWith("io.syncline.demo_") && Files.isDirectory(p))
					.findFirst().orElseThrow();
		}
	}
}
