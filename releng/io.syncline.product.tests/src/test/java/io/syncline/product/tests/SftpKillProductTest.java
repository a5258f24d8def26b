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
 * The installed runtime taking a WMS's files from its SFTP server (MINA SSHD's, on loopback) while it is killed with
 * SIGKILL at random moments and restarted: the endpoint is set up from the command line with a password read from
 * a file and a secrets key made by {@code secrets-key}, as the README's walkthrough does. At the end every file was
 * journaled exactly once and every receipt applied once, and the SFTP folder is empty.
 */
class SftpKillProductTest {

	@TempDir
	Path dir;

	private final Path product = ProductProcess.productDir("syncline.runtime.product");
	private final int files = Integer.getInteger("syncline.sftp.kill.files", 1000);
	private final int kills = Integer.getInteger("syncline.sftp.kill.kills", 5);
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
	void killedWhileTakingFilesOverSftpItJournalsEachExactlyOnce() throws Exception {
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
		long onHandBefore = onHand();
		for (int i = 0; i < files; i++) {
			Files.writeString(remote().resolve(String.format("sftp-%05d.jsonl", i)), String.format(
					"{\"eventId\": \"sftp-%05d\", \"type\": \"RECEIPT\", \"item\": \"HS-100101\", \"warehouse\": \"ATL\", "
							+ "\"qty\": 1, \"uom\": \"EA\", \"at\": \"2026-12-07T10:00:00Z\"}%n", i));
		}

		int killed = 0;
		while (killed < kills && remaining() > 0) {
			try (ProductProcess runtime = run("run-" + killed, "serve")) {
				assertTrue(runtime.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(120)), runtime.output());
				Thread.sleep(1500 + random.nextInt(3000));
				runtime.process().destroyForcibly(); // SIGKILL: mid-download, mid-journal or mid-delete
				runtime.process().waitFor();
				killed++;
				System.out.printf("SFTP kill test: killed with %d file(s) still on the server%n", remaining());
			}
		}
		try (ProductProcess last = run("last", "serve")) {
			assertTrue(last.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(120)), last.output());
			last.await(() -> remaining() == 0, Duration.ofMinutes(10), "the SFTP folder to empty");
			last.process().destroy();
			assertEquals(0, last.awaitExit(Duration.ofSeconds(120)), last.output());
		}
		// a start resumes whatever a stop left journaled but unprocessed, before it takes anything new
		try (ProductProcess resumed = run("resumed", "serve")) {
			assertTrue(resumed.awaitOutput(l -> l.contains("watching "), Duration.ofSeconds(120)), resumed.output());
			resumed.process().destroy();
			assertEquals(0, resumed.awaitExit(Duration.ofSeconds(120)), resumed.output());
		}
		System.out.printf("SFTP kill test: %d files, %d SIGKILLs%n", files, killed);
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
