package io.syncline.runtime.internal.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.branding.Branding;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.Fatal;
import io.syncline.runtime.cli.RuntimeCommand;

/**
 * The {@code syncline-runtime} launcher: parses the global options, finds the command among the
 * {@link RuntimeCommand} services and runs it. SIGTERM (a JVM shutdown) and {@link #stop()} both request a stop; the
 * shutdown hook then waits for the command to finish so the process ends with its work closed cleanly.
 */
public final class HeadlessApplication implements IApplication {

	private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(25);

	private final CountDownLatch stopRequested = new CountDownLatch(1);
	private final CountDownLatch finished = new CountDownLatch(1);
	private volatile Object exitCode;

	@Override
	public Object start(IApplicationContext context) throws Exception {
		context.applicationRunning();
		String[] raw = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
		Fatal.onUncaughtErrors();
		Thread hook = new Thread(this::onJvmShutdown, "syncline-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			exitCode = run(Arrays.asList(raw), System.out, System.err);
			return exitCode;
		} finally {
			finished.countDown();
			removeHook(hook);
		}
	}

	int run(List<String> raw, PrintStream out, PrintStream err) throws Exception {
		Bundle bundle = FrameworkUtil.getBundle(HeadlessApplication.class);
		String version = bundle.getVersion().toString();
		Branding branding = Branding.current();
		CommandLine line;
		try {
			line = CommandLine.parse(raw);
		} catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			return RuntimeCommand.USAGE;
		}
		try (CommandCatalog catalog = new CommandCatalog(bundle.getBundleContext())) {
			if (line.command() == null || line.command().equals("help")) {
				printUsage(catalog.all(Duration.ofSeconds(2)), branding, out);
				return line.command() == null && !line.helpRequested() ? RuntimeCommand.USAGE : RuntimeCommand.OK;
			}
			RuntimeCommand command = catalog.find(line.command(), Duration.ofSeconds(10));
			if (command == null) {
				err.println("unknown command '" + line.command() + "'");
				printUsage(catalog.all(Duration.ZERO), branding, err);
				return RuntimeCommand.USAGE;
			}
			Path data = line.dataDirectory();
			io.syncline.runtime.cli.OwnerOnly.prepare(data)
					.ifPresent(warning -> org.slf4j.LoggerFactory.getLogger(HeadlessApplication.class).warn(warning));
			try {
				return command.run(line.commandArgs(), new Context(data, version), out, err);
			} catch (IllegalArgumentException e) {
				err.println(line.command() + ": " + e.getMessage());
				return RuntimeCommand.USAGE;
			} catch (Exception e) {
				// People get the reason in one line; the stack trace belongs to the log, not the terminal.
				err.println(line.command() + " failed: " + reason(e));
				org.slf4j.LoggerFactory.getLogger(Fatal.LOGGER).debug("{} failed", line.command(), e);
				return RuntimeCommand.FAILED;
			} catch (Error e) {
				Fatal.exit(line.command(), e);
				return RuntimeCommand.FATAL;
			}
		}
	}

	/** The message of the exception and of its causes, without repeats. */
	static String reason(Throwable error) {
		return RuntimeFailure.reasonOf(error);
	}

	private static void printUsage(Map<String, RuntimeCommand> commands, Branding branding, PrintStream out) {
		out.println(branding.runtimeName() + ": syncline-runtime [--data DIR] <command> [options]");
		out.println();
		out.println("commands:");
		commands.values().forEach(c -> out.printf("  %-10s %s%n", c.name(), c.summary()));
		out.printf("  %-10s %s%n", "help", "print this text");
		out.println();
		out.println("--data DIR   data directory (default $SYNCLINE_DATA or ~/.syncline/data)");
	}

	@Override
	public void stop() {
		stopRequested.countDown();
	}

	/**
	 * SIGTERM: asks the command to stop and waits for it. A command that then finished cleanly ends the process with
	 * its own exit code (0 for a clean stop of serve), not the JVM's 143 for a signal, so a supervisor tells a clean
	 * stop from a crash; its work is closed by then, so nothing the other hooks would do is left.
	 */
	private void onJvmShutdown() {
		stopRequested.countDown();
		try {
			if (finished.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS) && exitCode instanceof Integer code) {
				System.out.flush();
				System.err.flush();
				Runtime.getRuntime().halt(code);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		} catch (IllegalStateException shuttingDown) {
			// The JVM is already shutting down (SIGTERM): the hook is running and ends once we return.
		}
	}

	private final class Context implements CommandContext {
		private final Path data;
		private final String version;

		Context(Path data, String version) {
			this.data = data;
			this.version = version;
		}

		@Override
		public Path dataDirectory() {
			return data;
		}

		@Override
		public String version() {
			return version;
		}

		@Override
		public boolean awaitStop(Duration timeout) throws InterruptedException {
			return stopRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		@Override
		public boolean isStopRequested() {
			return stopRequested.getCount() == 0;
		}
	}
}
