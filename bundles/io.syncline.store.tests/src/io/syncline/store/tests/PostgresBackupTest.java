package io.syncline.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.store.AuditLog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.JournalEntry;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;
import io.syncline.store.StoreTime;

/**
 * A PostgreSQL store is backed up as docs/operations.md says: {@code pg_dump -Fc --schema} of its schema while it
 * is open, and {@code pg_restore} into an empty database (here: the same one after the schema was dropped), which
 * the runtime then opens with its rows intact. The store's own backup refuses PostgreSQL and names pg_dump.
 */
@EnabledIfEnvironmentVariable(named = "SYNCLINE_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresBackupTest {

	@TempDir
	Path dir;

	private final String schema = "b_" + UUID.randomUUID().toString().replace("-", "");

	@AfterEach
	void dropSchema() throws Exception {
		PostgresStoreTest.server().drop(schema);
	}

	@Test
	void pgDumpAndPgRestoreBringBackEveryRow() throws Exception {
		byte[] payload = "ISA*00*~PO1*1*5*EA*3.25**VP*AF-HX-0616~".getBytes(StandardCharsets.US_ASCII);
		long message;
		long exception;
		try (Store store = PostgresStoreTest.server().openIn(schema, 4)) {
			MessageJournal journal = new MessageJournal(store);
			message = store.inTransaction(c -> journal.append(c, new JournalEntry("harbor", "acme", "po", "IN", "850",
					"po.edi", "PO-1", StoreTime.now(), Map.of("PO", "PO-1")), payload, null));
			exception = store.inTransaction(c -> new ExceptionQueue(store).open(c, "harbor", message, "UNKNOWN_PO",
					"PO-1", "BEG-03", "never sent"));
			store.inTransaction(c -> {
				new AuditLog().append(c, "harbor", "pat", "set-rule", "rule/x", null, "1", "backup test");
				return null;
			});
			Path dump = dir.resolve("syncline.dump");
			run("pg_dump", "-Fc", "--schema=" + schema, "-f", dump.toString());
			assertTrue(Files.size(dump) > 0);
			assertThrows(UnsupportedOperationException.class, () -> store.backupTo(dir.resolve("x.zip")),
					"the store's own backup is H2's; it says to use pg_dump");
		}
		PostgresStoreTest.server().drop(schema);
		run("pg_restore", "-d", database(), dir.resolve("syncline.dump").toString());
		try (Store restored = PostgresStoreTest.server().openIn(schema, 4)) {
			assertArrayEquals(payload, new MessageJournal(restored).payload("harbor", message));
			assertEquals("never sent", new ExceptionQueue(restored).get("harbor", exception).detail());
			assertEquals(1, restored.read(c -> new AuditLog().search(c, "harbor",
					new AuditLog.Filter(null, "set-rule", null, null, null), 0, 10)).size());
			long id = restored.inTransaction(c -> new MessageJournal(restored).append(c, new JournalEntry("harbor",
					"acme", "po", "IN", "850", "po2.edi", "PO-2", StoreTime.now(), Map.of("PO", "PO-2")), payload, null));
			assertTrue(id > message, "the identity goes on after the restored rows");
		}
	}

	/** The connection of SYNCLINE_PG_URL as libpq options; the password in PGPASSWORD. */
	private static void run(String tool, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(tool));
		command.addAll(connection());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", System.getenv().getOrDefault("SYNCLINE_PG_PASSWORD", ""));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(process.waitFor(120, TimeUnit.SECONDS), tool + " ended");
		assertEquals(0, process.exitValue(), tool + ": " + output);
	}

	private static List<String> connection() {
		URI url = URI.create(System.getenv("SYNCLINE_PG_URL").substring("jdbc:".length()));
		return List.of("-h", url.getHost(), "-p", Integer.toString(url.getPort() < 0 ? 5432 : url.getPort()), "-U",
				System.getenv().getOrDefault("SYNCLINE_PG_USER", "syncline"));
	}

	private static String database() {
		String path = URI.create(System.getenv("SYNCLINE_PG_URL").substring("jdbc:".length())).getPath();
		return path.substring(1);
	}
}
