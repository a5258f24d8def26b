package io.syncline.runtime.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.cli.RuntimeCommand;

/** Runs the application's dispatch inside OSGi, against the real DS command services. */
class HeadlessApplicationTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(HeadlessApplication app, String... args) throws Exception {
		return app.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void versionPrintsTheBrandedNameAndBundleVersion() throws Exception {
		Path data = dir.resolve("data");
		assertEquals(RuntimeCommand.OK, run(new HeadlessApplication(), "--data", data.toString(), "version"));
		assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Syncline Runtime 0.1.0."), out::toString);
		assertTrue(Files.isDirectory(data), "the data directory is created");
	}

	@Test
	void helpListsTheCommandServices() throws Exception {
		assertEquals(RuntimeCommand.OK, run(new HeadlessApplication(), "help"));
		String usage = out.toString(StandardCharsets.UTF_8);
		assertTrue(usage.contains("serve ") && usage.contains("version "), usage);
	}

	@Test
	void unknownCommandIsAUsageErrorThatNamesIt() throws Exception {
		assertEquals(RuntimeCommand.USAGE, run(new HeadlessApplication(), "--data", dir.toString(), "frobnicate"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'frobnicate'"), err::toString);
	}

	@Test
	void badGlobalOptionIsAUsageError() throws Exception {
		assertEquals(RuntimeCommand.USAGE, run(new HeadlessApplication(), "--data"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--data needs a directory"));
	}

	@Test
	void serveRunsUntilStopIsRequested() throws Exception {
		HeadlessApplication app = new HeadlessApplication();
		CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> {
			try {
				return run(app, "--data", dir.toString(), "serve");
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		Thread.sleep(300);
		assertFalse(serving.isDone(), "serve keeps running until asked to stop");
		app.stop();
		assertEquals(RuntimeCommand.OK, serving.get(30, TimeUnit.SECONDS));
	}
}
