package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed runtime killed with SIGKILL at random moments, and restarted, while it takes a WMS's 1,000 files from
 * its SFTP server (MINA SSHD's, on loopback), receives 500 AS2 messages from BigBox (a second AS2 station in this
 * test, sending each until it has a positive signed receipt with its MIC) and 500 webhooks from the web shop (each
 * sent until answered 200). The endpoints are set up from the command line with secrets read from files and a
 * secrets key made by {@code secrets-key}, as the README's walkthrough does. At the end every file and message was
 * journaled exactly once, every AS2 Message-ID has exactly one receipt kept, every receipt applied once, and the
 * SFTP folder is empty.
 */
class TransportsKillProductTest {

	@TempDir
	Path dir;

	private final Path product = ProductProcess.productDir("syncline.runtime.product");
	private final int files = Integer.getInteger("syncline.kill.files", 1000);
	private final int as2Messages = Integer.getInteger("syncline.kill.as2", 500);
	private final int webhooks = Integer.getInteger("syncline.kill.webhooks", 500);
	private final int kills = Integer.getInteger("syncline.kill.kills", 5);
	private final int port = freePort();
	private final Random random = new Random(20261207);
	private SshServer server;

	private Path data() {
		return dir.resolve("data");
	}

	private Path remote() {
		return dir.resolve("wms-sftp/out");
	}

	private Map<String, String> environment() {
		return Map.of("SYNCLINE_SECRETS_KEY_FILE", dir.resolve("secrets.key").toString());
	}

	private ProductProcess run(String name, String... args) throws IOException {
		String[] all = Stream.concat(Stream.of("--data", data().toString()), Stream.of(args)).toArray(String[]::new);
		return ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve(name + ".log"), environment(),
				all);
	}

	@AfterEach
	void stopServer() throws IOException {
		if (server != null) {
			server.stop(true);
		}
	}

	@Test
	void killedWhileTakingFilesMessagesAndWebhooksItJournalsEachExactlyOnce() throws Exception {
		startServer();
		try (ProductProcess key = ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve("key.log"),
				"secrets-key", "--to", dir.resolve("secrets.key").toString())) {
			assertEquals(0, key.awaitExit(Duration.ofSeconds(120)), key.output());
			assertTrue(key.output().contains("key id "), key.output());
		}
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets.key"))));
		try (ProductProcess first = run("first", "serve")) {
			assertTrue(first.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(120)), first.output());
			first.process().destroy();
			first.awaitExit(Duration.ofSeconds(60));
		}
		Path password = Files.writeString(dir.resolve("wms-password"), "sftp-pw-5521\n");
		try (ProductProcess add = run("add", "partners", "endpoint", "add", "wms-sftp", "--partner", "wms",
				"--direction", "in", "--kind", "sftp", "host=127.0.0.1", "port=" + server.getPort(), "user=harbor",
				"directory=/out", "hostKey=" + fingerprint(), "stable=name", "patterns=*.jsonl", "--schedule", "1",
				"--secret-file", "password=" + password, "--reason", "the WMS moves its events to SFTP")) {
			assertEquals(0, add.awaitExit(Duration.ofSeconds(120)), add.output());
			assertTrue(add.output().contains("\"secrets\" : [ \"password\" ]"), add.output());
			assertTrue(!add.output().contains("sftp-pw-5521"), "a secret is never printed");
		}
		PushingPartners partners = new PushingPartners(dir, product, port);
		for (String[] endpoint : partners.endpoints()) {
			try (ProductProcess add = run("add-" + endpoint[0], endpoint)) {
				assertEquals(0, add.awaitExit(Duration.ofSeconds(120)), add.output());
			}
		}
		long onHandBefore = onHand();
		for (int i = 0; i < files; i++) {
			Files.writeString(remote().resolve(String.format("sftp-%05d.jsonl", i)), String.format(
					"{\"eventId\": \"sftp-%05d\", \"type\": \"RECEIPT\", \"item\": \"HS-100101\", \"warehouse\": \"ATL\", "
							+ "\"qty\": 1, \"uom\": \"EA\", \"at\": \"2026-12-07T10:00:00Z\"}%n", i));
		}

		partners.startSending(as2Messages, webhooks);
		int killed = 0;
		while (killed < kills && (remaining() > 0 || !partners.done())) {
			try (ProductProcess runtime = run("run-" + killed, "serve", "--port", Integer.toString(port))) {
				assertTrue(runtime.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(120)), runtime.output());
				Thread.sleep(3000 + random.nextInt(5000));
				runtime.process().destroyForcibly(); // SIGKILL: mid-download, mid-journal or mid-delete
				runtime.process().waitFor();
				killed++;
				System.out.printf("transports kill test: killed with %d file(s) still on the server, %d AS2 message(s) "
						+ "and %d webhook(s) still unanswered%n", remaining(), partners.as2Left(), partners.webhooksLeft());
			}
		}
		try (ProductProcess last = run("last", "serve", "--port", Integer.toString(port))) {
			assertTrue(last.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(120)), last.output());
			last.await(() -> remaining() == 0, Duration.ofMinutes(10), "the SFTP folder to empty");
			last.await(partners::done, Duration.ofMinutes(10), "every AS2 message and webhook to be answered");
			last.process().destroy();
			assertEquals(0, last.awaitExit(Duration.ofSeconds(120)), last.output());
		}
		// a start resumes whatever a stop left journaled but unprocessed, before it takes anything new
		try (ProductProcess resumed = run("resumed", "serve", "--port", Integer.toString(port))) {
			assertTrue(resumed.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(120)), resumed.output());
			resumed.process().destroy();
			assertEquals(0, resumed.awaitExit(Duration.ofSeconds(120)), resumed.output());
		}
		partners.close();
		System.out.printf("transports kill test: %d files, %d AS2 messages (%d sends), %d webhooks (%d sends), "
				+ "%d SIGKILLs%n", files, as2Messages, partners.as2Sends(), webhooks, partners.webhookSends(), killed);
		assertEquals(as2Messages, partners.as2Receipts(), "every AS2 message had its positive receipt, MIC and all");
		assertTrue(killed >= 1, "the runtime was killed while files were still waiting");
		try (Connection db = database()) {
			assertEquals(files, count(db, "SELECT COUNT(DISTINCT source_name) FROM messages WHERE direction = 'IN' "
					+ "AND source_name LIKE 'sftp-%'"), "no file lost");
			assertEquals(files, count(db, "SELECT COUNT(*) FROM messages WHERE direction = 'IN' "
					+ "AND source_name LIKE 'sftp-%'"), "no file journaled twice");
			assertEquals(0, count(db, "SELECT COUNT(*) FROM messages WHERE direction = 'IN' AND source_name LIKE 'sftp-%' "
					+ "AND status = 'RECEIVED'"), "no file left unprocessed");
			assertEquals(files, count(db, "SELECT COUNT(*) FROM endpoint_pickups WHERE endpoint_id = 'wms-sftp'"),
					"one claim per file");
			assertEquals(files, count(db, "SELECT COUNT(*) FROM message_keys WHERE key_type = 'ENDPOINT' "
					+ "AND key_value = 'wms-sftp'"), "each message says it came through the endpoint");
			assertEquals(onHandBefore + files, onHand(db), "each receipt applied once");
			assertEquals(as2Messages, count(db, "SELECT COUNT(*) FROM endpoint_pickups WHERE endpoint_id = 'bigbox-as2'"),
					"one claim per AS2 Message-ID");
			assertEquals(as2Messages, count(db, "SELECT COUNT(*) FROM as2_receipts WHERE endpoint_id = 'bigbox-as2'"),
					"exactly one receipt kept per Message-ID, which every repeat got");
			assertEquals(as2Messages, count(db, "SELECT COUNT(*) FROM message_keys WHERE key_type = 'ENDPOINT' "
					+ "AND key_value = 'bigbox-as2'"), "every AS2 message journaled exactly once");
			assertEquals(webhooks, count(db, "SELECT COUNT(*) FROM message_keys WHERE key_type = 'ENDPOINT' "
					+ "AND key_value = 'shop-hooks'"), "every webhook journaled exactly once");
			assertEquals(0, count(db, "SELECT COUNT(*) FROM messages WHERE direction = 'IN' AND status = 'RECEIVED'"),
					"nothing left unprocessed");
			assertEquals(as2Messages, count(db, "SELECT COUNT(*) FROM sales_orders WHERE customer_po LIKE 'AS-%'"),
					"every AS2 order taken once");
		}
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private void startServer() throws IOException {
		Files.createDirectories(remote());
		server = SshServer.setUpDefaultServer();
		server.setHost("127.0.0.1");
		server.setPort(0);
		server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("wms-host.key")));
		server.setPasswordAuthenticator((user, password, session) -> user.equals("harbor")
				&& password.equals("sftp-pw-5521"));
		server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
		server.setFileSystemFactory(new VirtualFileSystemFactory(dir.resolve("wms-sftp")));
		server.start();
	}

	private String fingerprint() throws Exception {
		PublicKey key = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
		return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
	}

	private long remaining() throws IOException {
		try (Stream<Path> left = Files.list(remote())) {
			return left.count();
		}
	}

	private Connection database() throws Exception {
		return DriverManager.getConnection("jdbc:h2:file:" + data().resolve("store/syncline")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=FALSE", "sa", "");
	}

	private long onHand() throws Exception {
		try (Connection db = database()) {
			return onHand(db);
		}
	}

	private static long onHand(Connection db) throws Exception {
		return count(db, "SELECT COALESCE(SUM(on_hand), 0) FROM inventory_positions WHERE tenant_id = 'harbor' "
				+ "AND warehouse = 'ATL' AND item_number = 'HS-100101'");
	}

	private static long count(Connection db, String sql) throws Exception {
		try (Statement query = db.createStatement(); ResultSet row = query.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}
}
