package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.Decision;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/** {@code resolve ID accept|reject|ignore|resolve --reason R}: a person's decision, audited. */
@Component(service = RuntimeCommand.class)
public final class ResolveCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "resolve";
	}

	@Override
	public String summary() {
		return "resolve ID accept|reject|ignore|resolve --reason R: decide an exception (audited)";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("reason"), Set.of());
		if (options.positional().size() != 2) {
			throw new IllegalArgumentException("resolve needs an exception id and accept, reject, ignore or resolve");
		}
		long id = Long.parseLong(options.positional().get(0));
		Decision decision = Decision.valueOf(options.positional().get(1).toUpperCase(Locale.ROOT));
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			runtime.decide(id, decision, options.require("reason"));
			out.println(Json.write(Map.of("id", id, "decision", decision, "by", runtime.principal().user(),
					"state", runtime.exception(id).exception().state())));
		}
		return OK;
	}
}
