package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/** {@code rules}, or {@code rules KEY VALUE|--remove --reason R}: the tenant's rules, or a change to one (audited). */
@Component(service = RuntimeCommand.class)
public final class RulesCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "rules";
	}

	@Override
	public String summary() {
		return "rules [KEY VALUE | KEY --remove] [--reason R]: the tenant's rules (atp.inTransit, "
				+ "atp.reserve.WEB|EDI|CRM percent), or change one";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("reason"), Set.of("remove"));
		List<String> positional = options.positional();
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			if (positional.isEmpty()) {
				out.println(Json.write(runtime.tenantRules()));
				return OK;
			}
			boolean remove = options.has("remove");
			if (positional.size() != (remove ? 1 : 2)) {
				throw new IllegalArgumentException("rules KEY VALUE --reason R, or rules KEY --remove --reason R");
			}
			int moved = runtime.setTenantRule(positional.get(0), remove ? null : positional.get(1),
					options.require("reason"));
			out.println(Json.write(Map.of("rules", runtime.tenantRules(), "positionsMoved", moved)));
		}
		return OK;
	}
}
