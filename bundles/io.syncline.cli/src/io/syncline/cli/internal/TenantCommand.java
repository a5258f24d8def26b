package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/**
 * {@code tenant list}; {@code tenant create T --from TEMPLATE --name N [--interchange-id ZZ:ID] --reason R}: a new
 * tenant with the template's partners, flows, published mappings and rules.
 */
@Component(service = RuntimeCommand.class)
public final class TenantCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "tenant";
	}

	@Override
	public String summary() {
		return "tenant list | tenant create T --from TEMPLATE --name N [--interchange-id ZZ:ID] [--reason R]:"
				+ " the tenants, or a new one from a template";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("from", "name", "interchange-id", "reason"), Set.of());
		List<String> words = options.positional();
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			if (words.equals(List.of("list"))) {
				out.println(Json.write(runtime.tenants()));
			} else if (words.size() == 2 && words.get(0).equals("create")) {
				String reason = options.get("reason") != null ? options.get("reason")
						: "onboarded from template " + options.require("from");
				out.println(Json.write(runtime.createTenant(new NewTenant(words.get(1), options.require("name"),
						options.require("from"), options.get("interchange-id"), reason))));
			} else {
				throw new IllegalArgumentException(summary());
			}
		}
		return OK;
	}
}
