package io.syncline.runtime.internal.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.branding.Branding;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.cli.RuntimeService;

/**
 * Runs the runtime as a long-lived service until SIGTERM, with every {@link RuntimeService} bundles contribute
 * (the inbox poller) started once it is up and stopped before it says it stopped.
 */
@Component(service = RuntimeCommand.class)
public final class ServeCommand implements RuntimeCommand {

	private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

	private static final Set<String> VALUED = Set.of("port", "bind", "db", "tls-keystore", "tls-password-file",
			"trusted-proxy");
	/** Options that may be given more than once; their values reach the services joined by commas. */
	private static final Set<String> REPEATABLE = Set.of("trusted-proxy");
	private static final Set<String> FLAGS = Set.of("insecure-bind");

	private final List<RuntimeService> services = new CopyOnWriteArrayList<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addService(RuntimeService service) {
		services.add(service);
	}

	void removeService(RuntimeService service) {
		services.remove(service);
	}

	@Override
	public String name() {
		return "serve";
	}

	@Override
	public String summary() {
		return "serve [--port N [--bind HOST] [--tls-keystore P12 --tls-password-file F] [--insecure-bind]"
				+ " [--trusted-proxy CIDR]...] [--db JDBC-URL]:"
				+ " run the runtime until stopped (SIGTERM), with the HTTP API on a port if given";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err)
			throws InterruptedException {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String name = args.get(i).startsWith("--") ? args.get(i).substring(2) : null;
			if (name != null && FLAGS.contains(name)) {
				options.put(name, "true");
			} else if (name != null && VALUED.contains(name) && i + 1 < args.size()) {
				String value = args.get(++i);
				options.merge(name, value, (was, more) -> REPEATABLE.contains(name) ? was + "," + more : more);
			} else {
				err.println("serve: unknown or incomplete option " + args.get(i) + "; " + summary());
				return USAGE;
			}
		}
		context = new WithOptions(context, options);
		String name = Branding.current().runtimeName();
		// "up" is said once every service runs: a start that dies on a message it resumes never says it
		LOG.info("{} {} starting: data directory {}, pid {}", name, context.version(), context.dataDirectory(),
				ProcessHandle.current().pid());
		Deque<RuntimeService> started = new ArrayDeque<>();
		int exit = OK;
		try {
			List<RuntimeService> ordered = new java.util.ArrayList<>(services);
			ordered.sort(java.util.Comparator.comparingInt(RuntimeService::startOrder));
			for (RuntimeService service : ordered) {
				service.start(context);
				started.push(service);
				LOG.info("{} started", service.name());
			}
			LOG.info("{} {} up: data directory {}, pid {}", name, context.version(), context.dataDirectory(),
					ProcessHandle.current().pid());
			while (!context.awaitStop(Duration.ofSeconds(60))) {
				LOG.debug("{} running", name);
			}
		} catch (InterruptedException e) {
			throw e;
		} catch (Exception e) {
			LOG.error("{} cannot serve: {}", name, e.getMessage());
			err.println(name + " cannot serve: " + e.getMessage());
			exit = FAILED;
		}
		LOG.info("{} stopping", name);
		while (!started.isEmpty()) {
			RuntimeService service = started.pop();
			service.stop();
			LOG.info("{} stopped", service.name());
		}
		LOG.info("{} stopped {}", name, exit == OK ? "cleanly" : "after a failure");
		return exit;
	}

	/** The launcher's context and the options serve was given. */
	private record WithOptions(CommandContext context, Map<String, String> options) implements CommandContext {
		@Override
		public java.nio.file.Path dataDirectory() {
			return context.dataDirectory();
		}

		@Override
		public String version() {
			return context.version();
		}

		@Override
		public boolean awaitStop(Duration timeout) throws InterruptedException {
			return context.awaitStop(timeout);
		}

		@Override
		public boolean isStopRequested() {
			return context.isStopRequested();
		}

		@Override
		public String option(String name) {
			return options.get(name);
		}
	}
}
