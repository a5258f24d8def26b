package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore with the installed runtime: {@code backup --to} while {@code serve} works off a stream of
 * stock events dropped into its inbox (some malformed, each an exception), then {@code restore --from} into an empty
 * data directory. Everything committed before the backup began (the messages, exceptions and audit rows the API
 * showed just before) is in the restored store, row for row; a data directory that has a store, and a file that is
 * no backup, are refused in one line.
 */
class BackupProductTest {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	@TempDir
	Path dir;

	private final Path product = ProductProcess.productDir("syncline.runtime.product");
	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aBackupTakenDuringTrafficRestoresEverythingCommittedBeforeItBegan() throws Exception {
		Path data = Files.createDirectories(dir.resolve("data"));
		String token = token(data);
		assertEquals(0, runtime("rules", data, "rules", "retention.payloads", "P60D", "--reason",
				"backup test: an audited change").awaitExit(Duration.ofSeconds(120)));
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		AtomicBoolean traffic = new AtomicBoolean(true);
		AtomicInteger dropped = new AtomicInteger();
		long maxMessage;
		long maxException;
		long maxAudit;
		String backupOutput;
		try (ProductProcess serve = ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve("serve.log"),
				Map.of("SYNCLINE_POLL_MS", "200"), "--data", data.toString(), "serve", "--port",
				Integer.toString(port))) {
			String api = "http://127.0.0.1:" + port + "/api/v1/tenants/harbor";
			awaitUp(port, serve);
			Thread feeder = new Thread(() -> feed(data, traffic, dropped), "wms-feed");
			feeder.start();
			try {
				awaitMessages(serve, api, token, 300);
				// what is committed before the backup begins, as the API shows it
				maxMessage = firstId(get(api + "/messages?order=newest&limit=1", token));
				maxException = maxExceptionId(api, token);
				maxAudit = firstId(get(api + "/audit?limit=1", token));
				try (ProductProcess backup = runtime("backup", data, "backup", "--to",
						dir.resolve("during-traffic.zip").toString())) {
					assertEquals(0, backup.awaitExit(Duration.ofSeconds(120)), backup.output());
					backupOutput = backup.output();
				}
				try (ProductProcess compact = runtime("compact-while-serving", data, "compact")) {
					assertEquals(1, compact.awaitExit(Duration.ofSeconds(120)), compact.output());
					assertTrue(compact.output().contains("stop it first"), compact.output());
				}
				Thread.sleep(1_000); // traffic goes on after the backup
			} finally {
				traffic.set(false);
				feeder.join();
			}
			assertTrue(backupOutput.contains("\"by\" : \"the serve that holds the store, while it works\""),
					backupOutput);
			serve.process().destroy();
			assertEquals(0, serve.awaitExit(Duration.ofSeconds(60)), serve.output());
			assertTrue(serve.output().contains("backed the store up to "), serve.output());
		}
		assertTrue(maxException > 0, "some malformed events opened exceptions before the backup");
		System.out.printf("backup during traffic: %d files dropped; before the backup began: message %d, exception %d, "
				+ "audit row %d%n%s%n", dropped.get(), maxMessage, maxException, maxAudit, backupOutput.strip());

		Path restored = Files.createDirectories(dir.resolve("restored"));
		try (ProductProcess restore = runtime("restore", restored, "restore", "--from",
				dir.resolve("during-traffic.zip").toString())) {
			assertEquals(0, restore.awaitExit(Duration.ofSeconds(120)), restore.output());
		}
		try (Connection original = open(data); Connection copy = open(restored)) {
			for (String[] table : new String[][] {
					{ "messages", "SELECT id, partner_id, source_name, status, payload_sha256 FROM messages WHERE id <= "
							+ maxMessage + " ORDER BY id" },
					{ "exceptions", "SELECT id, message_id, kind, business_key, detail FROM exceptions WHERE id <= "
							+ maxException + " ORDER BY id" },
					{ "audit rows", "SELECT id, actor, action, subject, reason FROM audit_log WHERE id <= " + maxAudit
							+ " ORDER BY id" } }) {
				List<String> before = rows(original, table[1]);
				assertTrue(!before.isEmpty(), table[0]);
				assertEquals(before, rows(copy, table[1]), table[0] + " committed before the backup began");
			}
			assertTrue(count(original, "messages") > count(copy, "messages"), "traffic went on after the backup");
		}

		// at a planned restart the file shrinks to what it holds, and holds the same
		long messages;
		try (Connection original = open(data)) {
			messages = count(original, "messages");
		}
		try (ProductProcess compact = runtime("compact", data, "compact")) {
			assertEquals(0, compact.awaitExit(Duration.ofSeconds(120)), compact.output());
			Matcher sizes = Pattern.compile("\"bytesBefore\" : (\\d+),\\s*\"bytesAfter\" : (\\d+)")
					.matcher(compact.output());
			assertTrue(sizes.find(), compact.output());
			assertTrue(Long.parseLong(sizes.group(2)) <= Long.parseLong(sizes.group(1)), compact.output());
		}
		try (Connection compacted = open(data)) {
			assertEquals(messages, count(compacted, "messages"));
		}

		// a runtime that serves nothing is backed up by the command itself
		try (ProductProcess offline = runtime("offline-backup", data, "backup", "--to",
				dir.resolve("stopped.zip").toString())) {
			assertEquals(0, offline.awaitExit(Duration.ofSeconds(120)), offline.output());
			assertTrue(offline.output().contains("this command (no serve runs on this data directory)"),
					offline.output());
		}
	}

	@Test
	void aStoreIsNeverOverwrittenAndANonBackupIsRefused() throws Exception {
		Path data = Files.createDirectories(dir.resolve("data"));
		token(data); // the store exists now
		Path backup = dir.resolve("b.zip");
		try (ProductProcess made = runtime("backup", data, "backup", "--to", backup.toString())) {
			assertEquals(0, made.awaitExit(Duration.ofSeconds(120)), made.output());
		}
		try (ProductProcess again = runtime("again", data, "backup", "--to", backup.toString())) {
			assertEquals(1, again.awaitExit(Duration.ofSeconds(120)), again.output());
			assertTrue(again.output().contains("exists: a backup never overwrites one"), again.output());
			assertTrue(!again.output().contains("\tat "), "one line, no stack trace:\n" + again.output());
		}
		try (ProductProcess over = runtime("over", data, "restore", "--from", backup.toString())) {
			assertEquals(1, over.awaitExit(Duration.ofSeconds(120)), over.output());
			assertTrue(over.output().contains("already has a store: restore into a new data directory"),
					over.output());
		}
		Path notABackup = Files.writeString(dir.resolve("notes.zip"), "not a zip");
		Path empty = Files.createDirectories(dir.resolve("empty"));
		try (ProductProcess wrong = runtime("wrong", empty, "restore", "--from", notABackup.toString())) {
			assertEquals(1, wrong.awaitExit(Duration.ofSeconds(120)), wrong.output());
			assertTrue(wrong.output().contains("is not a Syncline backup"), wrong.output());
		}
		assertTrue(!Files.exists(empty.resolve("store/syncline.mv.db")), "nothing half-restored is left");
	}

	private ProductProcess runtime(String name, Path data, String... args) throws Exception {
		List<String> all = new ArrayList<>(List.of("--data", data.toString()));
		all.addAll(List.of(args));
		return ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve(name + ".log"),
				all.toArray(String[]::new));
	}

	private String token(Path data) throws Exception {
		try (ProductProcess create = runtime("token", data, "token", "create", "--tenant", "harbor", "--role", "VIEWER",
				"--user", "backup-check", "--expires", "P1D")) {
			assertEquals(0, create.awaitExit(Duration.ofSeconds(120)), create.output());
			Matcher secret = Pattern.compile("\"token\" : \"(syn_[^\"]+)\"").matcher(create.output());
			assertTrue(secret.find(), create.output());
			return secret.group(1);
		}
	}

	/** Stock events as a WMS drops them, a file every 20 ms, one file in seven malformed (an exception). */
	private static void feed(Path data, AtomicBoolean traffic, AtomicInteger dropped) {
		try {
			Path inbox = Files.createDirectories(data.resolve("inbox").resolve("wms"));
			while (traffic.get()) {
				int n = dropped.incrementAndGet();
				StringBuilder events = new StringBuilder();
				for (int i = 0; i < 5; i++) {
					events.append(String.format("{\"eventId\": \"bk-%06d-%d\", \"type\": \"RECEIPT\", \"item\": "
							+ "\"HS-00100%d\", \"warehouse\": \"ATL\", \"qty\": %s, \"uom\": \"EA\", \"at\": "
							+ "\"2026-12-07T10:00:00Z\"}%n", n, i, i, n % 7 == 0 ? "\"lots\"" : "1"));
				}
				Path part = inbox.resolve(".bk-" + n + ".part");
				Files.writeString(part, events);
				Files.move(part, inbox.resolve("bk-" + n + ".jsonl"), StandardCopyOption.ATOMIC_MOVE);
				Thread.sleep(20);
			}
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private void awaitUp(int port, ProductProcess serve) throws Exception {
		serve.await(() -> {
			assertTrue(serve.process().isAlive(), serve.output());
			try {
				return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			} catch (java.io.IOException notYet) {
				return false; // not listening yet
			}
		}, Duration.ofSeconds(120), "serve comes up");
	}

	private void awaitMessages(ProductProcess serve, String api, String token, long at) throws Exception {
		serve.await(() -> firstId(get(api + "/messages?order=newest&limit=1", token)) >= at, Duration.ofSeconds(120),
				"the served inbox took the files in");
	}

	private long maxExceptionId(String api, String token) throws Exception {
		long max = 0;
		String after = "0";
		while (true) {
			String page = get(api + "/exceptions?limit=500&after=" + after, token);
			Matcher ids = ID.matcher(page);
			long last = -1;
			while (ids.find()) {
				last = Math.max(last, Long.parseLong(ids.group(1)));
			}
			if (last < 0) {
				return max;
			}
			max = Math.max(max, last);
			Matcher next = Pattern.compile("\"nextAfter\"\\s*:\\s*(\\d+)").matcher(page);
			if (!next.find() || next.group(1).equals("0")) {
				return max;
			}
			after = next.group(1);
		}
	}

	private String get(String url, String token) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
		assertEquals(200, response.statusCode(), url + ": " + response.body());
		return response.body();
	}

	private static long firstId(String body) {
		Matcher id = ID.matcher(body);
		return id.find() ? Long.parseLong(id.group(1)) : 0;
	}

	private static Connection open(Path data) throws SQLException {
		return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("store/syncline")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
	}

	private static List<String> rows(Connection db, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement query = db.createStatement(); ResultSet result = query.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				StringBuilder row = new StringBuilder();
				for (int c = 1; c <= columns; c++) {
					row.append(result.getString(c)).append(" | ");
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

	private static long count(Connection db, String table) throws SQLException {
		try (Statement query = db.createStatement(); ResultSet row = query.executeQuery("SELECT COUNT(*) FROM " + table)) {
			row.next();
			return row.getLong(1);
		}
	}
}
