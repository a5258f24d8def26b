package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Launches the materialized console with its {@code syncline} script on an X screen of its own at a laptop's size
 * (1280×800) and a desktop's (1920×1080), sees its "Syncline" window appear on the X server, and lets the console's
 * built-in self-test wait for the local runtime (which a first start fills with the demo tenant), switch through the
 * three perspectives with each view brought to the top in turn, check that every control can be read at that size,
 * capture each perspective, then close the window.
 */
class ConsoleProductTest {

	private static final List<String> PERSPECTIVES = List.of("design", "operations", "runtimes");

	@TempDir
	Path workspace;

	@TempDir
	Path data;

	@ParameterizedTest(name = "at {0}×{1}")
	@CsvSource({ "1280, 800", "1920, 1080" })
	void consoleOpensItsWindowSwitchesPerspectivesAndClosesCleanly(int width, int height) throws Exception {
		assumeTrue(VirtualScreen.available(), "Xvfb is not installed");
		Path product = ProductProcess.productDir("syncline.console.product");
		String size = width + "x" + height;
		Path shots = ProductProcess.outputDir().resolve("screenshots").resolve(size);
		Path log = ProductProcess.outputDir().resolve("console-product-" + size + ".log");
		try (VirtualScreen screen = VirtualScreen.start(width, height);
				ProductProcess console = ProductProcess.start(product.resolve("syncline"), log,
						Map.of("SYNCLINE_JAVA_OPTS", "-Dsyncline.data=" + data, "DISPLAY", screen.display()),
						"-data", workspace.toString(), "-selfTest", shots.toString())) {
			assertTrue(windowAppears("Syncline", screen, console, Duration.ofSeconds(120)),
					"no X window named Syncline appeared; output:\n" + console.output());
			int exit = console.awaitExit(Duration.ofSeconds(180));
			String output = console.output();
			String unreadable = output.lines().filter(l -> l.startsWith("self-test: FAIL"))
					.collect(Collectors.joining("\n"));
			assertEquals("", unreadable, "what the self-test found at " + size);
			assertTrue(output.contains("self-test: ok window fills the " + size + " screen"), output);
			assertTrue(output.contains("self-test: ok layout " + size + " operations"), output);
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
			// a Java exception or a stack frame; not the Exceptions view, which the self-test names
			assertFalse(Pattern.compile("\\w+Exception\\b|\\tat ").matcher(output).find(),
					"exceptions in the console output:\n" + output);
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
	private static boolean windowAppears(String title, VirtualScreen screen, ProductProcess console, Duration timeout)
			throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && console.process().isAlive()) {
			ProcessBuilder xwininfo = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true);
			xwininfo.environment().put("DISPLAY", screen.display());
			Process query = xwininfo.start();
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
