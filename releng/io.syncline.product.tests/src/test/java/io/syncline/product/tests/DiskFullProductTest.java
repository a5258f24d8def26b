package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the installed runtime: its data directory on a 64 MB tmpfs mounted for the test, stock event
 * files arriving, then the disk filled to below the runtime's minimum (SYNCLINE_MIN_FREE_MB=12) while more arrive.
 * The runtime says so in one line naming the disk and how full it is, takes nothing new (the files wait in the
 * inbox, /health/ready answers 503) and stays up; once the filler is deleted it takes them by itself; every file is
 * journaled exactly once and the store opens clean. Mounting needs root (as in CI); elsewhere the test is skipped.
 */
class DiskFullProductTest {

	private static final long MINIMUM_MB = 12;

	@TempDir
	Path dir;

	private Path mount;
	private final Path product = ProductProcess.productDir("syncline.runtime.product");

	@BeforeEach
	void mountASmallDisk() throws Exception {
		mount = Files.createDirectories(dir.resolve("small-disk"));
		Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs",
				mount.toString()).redirectErrorStream(true).start();
		String said = new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		Assumptions.assumeTrue(mounting.waitFor(30, TimeUnit.SECONDS) && mounting.exitValue() == 0,
				"cannot mount a tmpfs here (needs root): " + said.strip());
	}

	@AfterEach
	void unmount() throws Exception {
		if (mount != null) {
			new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aFullDiskCostsNothingButTime() throws Exception {
		Path data = mount.resolve("data");
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Path filler = mount.resolve("filler.bin");
		try (ProductProcess serve = ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve("serve.log"),
				Map.of("SYNCLINE_POLL_MS", "200", "SYNCLINE_MIN_FREE_MB", Long.toString(MINIMUM_MB)), "--data",
				data.toString(), "serve", "--port", Integer.toString(port))) {
			assertTrue(serve.awaitOutput(line -> line.contains("watching "), Duration.ofSeconds(120)), serve.output());
			drop(data, 0, 40);
			serve.await(() -> inInbox(data) == 0, Duration.ofSeconds(60), "the first files are taken");

			long free = store(data).getUsableSpace();
			fill(filler, free - (MINIMUM_MB - 6) * 1_048_576); // 6 MB left: below the minimum
			drop(data, 40, 30);
			assertTrue(serve.awaitOutput(line -> line.contains("is full:"), Duration.ofSeconds(30)), serve.output());
			String line = serve.output().lines().filter(l -> l.contains("is full:")).findFirst().orElseThrow();
			assertTrue(line.contains("the disk of " + data) && line.contains("MB free of") && line.contains("% used")
					&& line.contains("new work waits until 15.0 MB are free"), line);
			Thread.sleep(3_000);
			assertEquals(30, inInbox(data), "nothing new is taken while the disk is full:\n" + serve.output());
			assertTrue(serve.process().isAlive(), "serve stays up and waits:\n" + serve.output());
			HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertEquals(503, ready.statusCode(), ready.body());
			assertTrue(ready.body().contains("disk is below its minimum free space"), ready.body());

			Files.delete(filler);
			assertTrue(serve.awaitOutput(l -> l.contains("taking new work again"), Duration.ofSeconds(30)),
					serve.output());
			serve.await(() -> inInbox(data) == 0, Duration.ofSeconds(60),
					"the waiting files are taken once there is room");
			serve.process().destroy();
			assertEquals(0, serve.awaitExit(Duration.ofSeconds(60)), "a stop after the disk had room again is clean");
			assertTrue(!serve.output().contains("\tat "), "no stack trace:\n" + serve.output());
		}
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("store/syncline")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
				Statement query = db.createStatement()) {
			assertEquals(70, count(query, "SELECT COUNT(DISTINCT source_name) FROM messages WHERE source_name LIKE "
					+ "'df-%'"), "no file lost");
			assertEquals(70, count(query, "SELECT COUNT(*) FROM messages WHERE source_name LIKE 'df-%'"),
					"no file journaled twice");
			assertEquals(0, count(query, "SELECT COUNT(*) FROM messages WHERE status = 'RECEIVED'"),
					"nothing left unfinished");
		}
	}

	private static FileStore store(Path data) throws IOException {
		return Files.getFileStore(data);
	}

	/** A file of {@code bytes} zeros: tmpfs has no holes to fake it with. */
	private static void fill(Path filler, long bytes) throws IOException {
		byte[] block = new byte[1 << 20];
		try (OutputStream out = Files.newOutputStream(filler)) {
			for (long written = 0; written < bytes; written += block.length) {
				out.write(block, 0, (int) Math.min(block.length, bytes - written));
			}
		}
	}

	private static void drop(Path data, int from, int count) throws IOException {
		Path inbox = Files.createDirectories(data.resolve("inbox").resolve("wms"));
		for (int n = from; n < from + count; n++) {
			String event = String.format("{\"eventId\": \"df-%04d\", \"type\": \"RECEIPT\", \"item\": \"HS-00100%d\", "
					+ "\"warehouse\": \"ATL\", \"qty\": 1, \"uom\": \"EA\", \"at\": \"2026-12-07T10:00:00Z\"}%n", n, n % 10);
			Path part = inbox.resolve(".df-" + n + ".part");
			Files.writeString(part, event);
			Files.move(part, inbox.resolve(String.format("df-%04d.jsonl", n)), StandardCopyOption.ATOMIC_MOVE);
		}
	}

	private static long inInbox(Path data) throws IOException {
		Path inbox = data.resolve("inbox").resolve("wms");
		if (!Files.isDirectory(inbox)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(inbox)) {
			return files.filter(f -> f.getFileName().toString().startsWith("df-")).count();
		}
	}

	private static long count(Statement query, String sql) throws Exception {
		try (ResultSet row = query.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}
}
