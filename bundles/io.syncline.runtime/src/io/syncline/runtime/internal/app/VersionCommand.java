package io.syncline.runtime.internal.app;

import java.io.PrintStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.syncline.branding.Branding;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;

@Component(service = RuntimeCommand.class)
public final class VersionCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "version";
	}

	@Override
	public String summary() {
		return "print the runtime's name and version";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) {
		out.println(Branding.current().runtimeName() + " " + context.version());
		return OK;
	}
}
