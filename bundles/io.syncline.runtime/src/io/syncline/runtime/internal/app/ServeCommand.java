package io.syncline.runtime.internal.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.branding.Branding;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;

/** Runs the runtime as a long-lived service until SIGTERM. */
@Component(service = RuntimeCommand.class)
public final class ServeCommand implements RuntimeCommand {

	private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

	@Override
	public String name() {
		return "serve";
	}

	@Override
	public String summary() {
		return "run the runtime until stopped (SIGTERM)";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err)
			throws InterruptedException {
		if (!args.isEmpty()) {
			err.println("serve takes no arguments, but got " + args);
			return USAGE;
		}
		String name = Branding.current().runtimeName();
		LOG.info("{} {} up: data directory {}, pid {}", name, context.version(), context.dataDirectory(),
				ProcessHandle.current().pid());
		while (!context.awaitStop(Duration.ofSeconds(60))) {
			LOG.debug("{} running", name);
		}
		LOG.info("{} stopping", name);
		LOG.info("{} stopped cleanly", name);
		return OK;
	}
}
