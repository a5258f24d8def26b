package io.syncline.cli.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.engine.Resolutions;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.store.Store;

/** {@code resolve ID accept|reject|ignore --reason R [--as USER]}: a person's decision on an exception, audited. */
@Component(service = RuntimeCommand.class)
public final class ResolveCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "resolve";
	}

	@Override
	public String summary() {
		return "resolve ID accept|reject|ignore --reason R [--as USER]: decide an exception (audited)";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("reason", "as"), Set.of());
		if (options.positional().size() != 2) {
			throw new IllegalArgumentException("resolve needs an exception id and accept, reject or ignore");
		}
		long id = Long.parseLong(options.positional().get(0));
		Resolutions.Decision decision = Resolutions.Decision
				.valueOf(options.positional().get(1).toUpperCase(Locale.ROOT));
		String actor = options.has("as") ? options.get("as") : System.getProperty("user.name", "cli");
		try (Store store = Runtimes.store(context)) {
			new Resolutions(store, new BigDecimal("2")).decide(Runtimes.TENANT, id, decision, actor,
					options.require("reason"));
		}
		out.println("{\"id\": " + id + ", \"decision\": \"" + decision + "\", \"by\": \"" + actor + "\"}");
		return OK;
	}
}
