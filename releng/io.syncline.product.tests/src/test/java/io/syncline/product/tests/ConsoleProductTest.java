package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launches the materialized console with its {@code syncline} script under the test's X display (Xvfb in CI), sees
 * its "Syncline" window appear on the X server, and lets the console's built-in self-test switch through the three
 * perspectives and capture them, wait for the local runtime (which a first start fills with the demo tenant), then
 * close the window.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class ConsoleProductTest {

	private static final List<String> PERSPECTIVES = List.of("design", "operations", "runtimes");

	@TempDir
	Path workspace;

	@TempDir
	Path data;

	@Test
	void consoleOpensItsWindowSwitchesPerspectivesAndClosesCleanly() throws Exception {
		Path product = ProductProcess.productDir("syncline.console.product");
		Path shots = ProductProcess.outputDir().resolve("screenshots");
		Path log = ProductProcess.outputDir().resolve("console-product.log");
		try (ProductProcess console = ProductProcess.start(product.resolve("syncline"), log,
				Map.of("SYNCLINE_JAVA_OPTS", "-Dsyncline.data=" + data), "-data", workspace.toString(), "-selfTest",
				shots.toString())) {
			assertTrue(windowAppears("Syncline", console, Duration.ofSeconds(120)),
					"no X window named Syncline appeared; output:\n" + console.output());
			int exit = console.awaitExit(Duration.ofSeconds(120));
			String output = console.output();
			assertEquals(0, exit, output);
			assertTrue(output.contains("self-test: ok window title is 'Syncline'"), output);
			for (String perspective : PERSPECTIVES) {
				assertTrue(output.contains("self-test: ok perspective " + perspective + " active"), output);
				assertScreenshot(shots.resolve(perspective + ".png"));
			}
			// a first start on an empty data directory: the local runtime opens and loads the demo tenant
			assertTrue(output.contains("self-test: ok local runtime READY: Local runtime on " + data), output);
			assertTrue(output.contains("The Harbor Supply demo tenant was loaded (16 documents)"), output);
			assertTrue(Files.isRegularFile(data.resolve("syncline.mv.db")) || Files.isDirectory(data.resolve("outbox")),
					"the runtime's database and outbox are in the data directory given");
			assertTrue(output.contains("self-test: passed"), output);
			assertFalse(output.contains("Exception"), "exceptions in the console output:\n" + output);
			assertFalse(output.contains("!ENTRY"), "log entries in the console output:\n" + output);
		}
		Path errorLog = workspace.resolve(".metadata/.log");
		if (Files.exists(errorLog)) {
			String entries = Files.readString(errorLog, StandardCharsets.UTF_8);
			assertFalse(entries.lines().anyMatch(l -> l.startsWith("!ENTRY") && l.split(" ")[2].equals("4")),
					"errors in the workspace log:\n" + entries);
		}
	}

	/** Asks the X server itself (xwininfo), so the test sees what a user would, not what the product reports. */
	private static boolean windowAppears(String title, ProductProcess console, Duration timeout)
			throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && console.process().isAlive()) {
			Process query = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true).start();
			String tree = new String(query.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			query.waitFor();
			if (tree.contains("\"" + title + "\"")) {
				return true;
			}
			Thread.sleep(200);
		}
		return false;
	}

	private static void assertScreenshot(Path file) throws IOException {
		assertTrue(Files.isRegularFile(file), file + " was not written");
		BufferedImage image = ImageIO.read(file.toFile());
		assertTrue(image != null, file + " is not an image");
		assertTrue(image.getWidth() >= 800 && image.getHeight() >= 500,
				file + " is " + image.getWidth() + "x" + image.getHeight() + ", not a window");
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		long distinct = Arrays.stream(pixels).distinct().limit(50).count();
		assertTrue(distinct >= 10, file + " has only " + distinct + " colours: the window did not paint");
	}
}
