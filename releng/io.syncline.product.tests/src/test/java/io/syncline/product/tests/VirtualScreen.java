package io.syncline.product.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An X server of its own (Xvfb) with a screen of the size a test needs, so a window is seen at the sizes users have
 * (a 1280×800 laptop, a 1920×1080 monitor) whatever display the build runs under. Xvfb picks a free display number
 * and says it ({@code -displayfd}).
 */
final class VirtualScreen implements AutoCloseable {

	private final Process server;
	private final String display;

	private VirtualScreen(Process server, String display) {
		this.server = server;
		this.display = display;
	}

	/** Whether Xvfb is installed (CI installs it; a developer's desktop may not have it). */
	static boolean available() {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "Xvfb")));
	}

	static VirtualScreen start(int width, int height) throws Exception {
		Process server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
				"-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
		BufferedReader said = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
		try {
			String number = CompletableFuture.supplyAsync(() -> {
				try {
					return said.readLine();
				} catch (IOException e) {
					return null;
				}
			}).get(30, TimeUnit.SECONDS);
			if (number == null || !number.strip().matches("\\d+")) {
				throw new IOException("Xvfb did not say its display: " + number);
			}
			return new VirtualScreen(server, ":" + number.strip());
		} catch (Exception e) {
			server.destroyForcibly();
			throw e;
		}
	}

	/** The value of DISPLAY for a process on this screen. */
	String display() {
		return display;
	}

	@Override
	public void close() throws InterruptedException {
		server.destroy();
		if (!server.waitFor(10, TimeUnit.SECONDS)) {
			server.destroyForcibly();
		}
	}
}
