package io.syncline.ui.tests;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts {@link SeparateRuntime} in a JVM of its own, on a plain class path made of the test framework's bundles
 * (the engine needs no OSGi: the benches run it the same way), and speaks its one-line protocol. Its log goes to
 * {@code target/separate-runtime.log}.
 */
final class RuntimeProcess implements AutoCloseable {

	private final Process process;
	private final BufferedReader answers;
	private final PrintStream commands;
	final String url;
	final String token;

	private RuntimeProcess(Process process) throws IOException {
		this.process = process;
		answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
		String[] ready = answer("ready").split(" ");
		url = ready[1];
		token = ready[2];
	}

	static RuntimeProcess start(Path dir) throws IOException {
		Files.createDirectories(Path.of("target"));
		Files.createDirectories(dir);
		// the runtime's warnings and errors, not Logback's unconfigured debug output of every statement
		Path logging = Files.writeString(dir.resolve("logback.xml"), "<configuration><appender name=\"err\" "
				+ "class=\"ch.qos.logback.core.ConsoleAppender\"><target>System.err</target><encoder><pattern>%d "
				+ "%level %logger %msg%n</pattern></encoder></appender><root level=\"WARN\"><appender-ref "
				+ "ref=\"err\"/></root></configuration>");
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-Dlogback.configurationFile=" + logging,
				"-cp", classPath(),
				SeparateRuntime.class.getName(), dir.toString(), HarborConsole.demo().toString());
		builder.redirectError(Path.of("target", "separate-runtime.log").toFile());
		return new RuntimeProcess(builder.start());
	}

	/** Sends that traffic; {@link #sent} waits for what it sent. */
	void traffic(int eventsPerSecond, int seconds) {
		commands.println("traffic " + eventsPerSecond + " " + seconds);
	}

	LiveTraffic.Sent sent() throws IOException {
		String[] sent = answer("sent").split(" ");
		return new LiveTraffic.Sent(Long.parseLong(sent[1]), Double.parseDouble(sent[2]), Long.parseLong(sent[3]));
	}

	private String answer(String expected) throws IOException {
		String line = answers.readLine();
		if (line == null || !line.startsWith(expected + " ")) {
			throw new IOException("the separate runtime answered " + line + " instead of '" + expected
					+ " …' (its log: target/separate-runtime.log)");
		}
		return line;
	}

	/** Every bundle's jar or class folder, the test fragment's own classes with them. */
	private static String classPath() {
		Set<String> entries = new LinkedHashSet<>();
		Bundle self = FrameworkUtil.getBundle(RuntimeProcess.class);
		for (Bundle bundle : self.getBundleContext().getBundles()) {
			if (bundle.getBundleId() == 0 || bundle.getSymbolicName().startsWith("org.eclipse.swt")) {
				continue;
			}
			FileLocator.getBundleFileLocation(bundle).ifPresent(entry -> entries
					.add(entry.isDirectory() && new File(entry, "target/classes").isDirectory()
							? new File(entry, "target/classes").getPath() : entry.getPath()));
		}
		return String.join(File.pathSeparator, entries);
	}

	@Override
	public void close() throws InterruptedException {
		commands.println("quit");
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}
}
