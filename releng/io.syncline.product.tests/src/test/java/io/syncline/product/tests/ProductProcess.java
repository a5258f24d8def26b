package io.syncline.product.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A materialized product started through its launcher script, with its output captured to a file. */
final class ProductProcess implements AutoCloseable {

	private final Process process;
	private final Path output;

	private ProductProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	static Path productDir(String property) {
		String dir = System.getProperty(property);
		if (dir == null || !Files.isDirectory(Path.of(dir))) {
			throw new IllegalStateException(property + " does not name a materialized product: " + dir
					+ " (run the whole reactor: ./mvnw verify)");
		}
		return Path.of(dir);
	}

	static Path outputDir() {
		return Path.of(System.getProperty("syncline.test.output", "target"));
	}

	static ProductProcess start(Path script, Path output, String... args) throws IOException {
		return start(script, output, java.util.Map.of(), args);
	}

	/** With extra environment variables, such as {@code SYNCLINE_JAVA_OPTS}. */
	static ProductProcess start(Path script, Path output, java.util.Map<String, String> environment, String... args)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(script.toString());
		command.addAll(List.of(args));
		Files.createDirectories(output.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).directory(script.getParent().toFile())
				.redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().putAll(environment);
		return new ProductProcess(builder.start(), output);
	}

	String output() throws IOException {
		return Files.readString(output, StandardCharsets.UTF_8);
	}

	/** Polls the output until a line matches; false if the process ended or the time ran out first. */
	boolean awaitOutput(Predicate<String> line, Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (output().lines().anyMatch(line)) {
				return true;
			}
			if (!process.isAlive()) {
				return output().lines().anyMatch(line);
			}
			Thread.sleep(100);
		}
		return false;
	}

	/** Something a test waits for, which may read files or the network. */
	@FunctionalInterface
	interface Condition {
		boolean holds() throws Exception;
	}

	/**
	 * Waits until the condition holds, looking every 200 ms; only a hang ends the wait, with {@code what} and the
	 * process's output: the time given is a bound on a hang, never a measure of speed.
	 */
	void await(Condition condition, Duration bound, String what) throws Exception {
		long deadline = System.nanoTime() + bound.toNanos();
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("still waiting after " + bound.toSeconds() + " s: " + what + "\n" + output());
			}
			Thread.sleep(200);
		}
	}

	Process process() {
		return process;
	}

	/** Exit code, or throws if the process did not end in time (it is then killed). */
	int awaitExit(Duration timeout) throws InterruptedException, IOException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("product did not exit within " + timeout + "; output:\n" + output());
		}
		return process.exitValue();
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroyForcibly();
		}
	}
}
