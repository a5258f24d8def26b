package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the materialized headless runtime with its {@code syncline-runtime} script. */
class RuntimeProductTest {

	/** serve stopped by SIGTERM exits 0 once it stopped cleanly, not the JVM's 128 + 15. */
	private static final int EXIT_ON_SIGTERM = 0;

	@TempDir
	Path dir;

	private final Path product = ProductProcess.productDir("syncline.runtime.product");

	private ProductProcess run(String name, String... args) throws IOException {
		return ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve(name + ".log"), args);
	}

	@Test
	void runtimeProductHasNoUserInterfaceBundles() throws IOException {
		try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
			List<String> ui = plugins.map(p -> p.getFileName().toString())
					.filter(n -> n.startsWith("org.eclipse.swt") || n.startsWith("org.eclipse.jface")
							|| n.startsWith("org.eclipse.ui") || n.startsWith("org.eclipse.e4.ui")
							|| n.startsWith("io.syncline.ui"))
					.toList();
			assertEquals(List.of(), ui);
		}
		assertTrue(Files.isExecutable(product.resolve("syncline-runtime")));
	}

	@Test
	void serveLogsThatItIsUpAndStopsCleanlyOnSigterm() throws Exception {
		Path data = dir.resolve("data");
		try (ProductProcess runtime = run("serve", "--data", data.toString(), "serve")) {
			assertTrue(runtime.awaitOutput(l -> l.contains("Syncline Runtime 0.1.0.") && l.contains(" up: data directory "
					+ data), Duration.ofSeconds(90)), () -> "no 'up' line; output:\n" + output(runtime));
			assertTrue(Files.isDirectory(data));
			runtime.process().destroy(); // SIGTERM
			int exit = runtime.awaitExit(Duration.ofSeconds(60));
			String output = runtime.output();
			assertEquals(EXIT_ON_SIGTERM, exit, output);
			assertTrue(output.contains("Syncline Runtime stopped cleanly"), output);
			assertFalse(output.contains("Exception"), output);
			assertFalse(output.contains("No SLF4J providers"), "logging must reach Logback:\n" + output);
		}
	}

	@Test
	void versionPrintsTheVersionAndExitsZero() throws Exception {
		try (ProductProcess runtime = run("version", "--data", dir.resolve("data").toString(), "version")) {
			assertEquals(0, runtime.awaitExit(Duration.ofSeconds(90)));
			assertTrue(runtime.output().contains("Syncline Runtime 0.1.0."), runtime.output());
		}
	}

	@Test
	void unknownCommandExitsTwoAndSaysWhich() throws Exception {
		try (ProductProcess runtime = run("bogus", "--data", dir.resolve("data").toString(), "reticulate")) {
			assertEquals(2, runtime.awaitExit(Duration.ofSeconds(90)));
			String output = runtime.output();
			assertTrue(output.contains("unknown command 'reticulate'"), output);
			assertTrue(output.contains("serve") && output.contains("version"), "usage lists the commands:\n" + output);
		}
	}

	private static String output(ProductProcess process) {
		try {
			return process.output();
		} catch (IOException e) {
			return "(unreadable: " + e.getMessage() + ")";
		}
	}
}
