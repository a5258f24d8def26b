package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/**
 * {@code partners} lists the partners and their flows; {@code partners workflows} what a flow can run;
 * {@code partners save ID --name N [--envelope ZZ:US>ZZ:THEM] --flows TYPE:IN|OUT:WORKFLOW[:MAPPING[:FILES]],… --reason R}
 * adds or changes a partner (audited), effective for the next document; {@code partners endpoint …} lists, adds,
 * edits, removes and tests its endpoints (see {@link EndpointCommands}).
 */
@Component(service = RuntimeCommand.class)
public final class PartnersCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "partners";
	}

	@Override
	public String summary() {
		return "partners [workflows | save ID --name N [--envelope E] --flows TYPE:DIR:WORKFLOW[:MAPPING[:FILES]],… "
				+ "--reason R | endpoint list|add|edit|remove|test …]";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		boolean endpoints = !args.isEmpty() && args.get(0).equals("endpoint");
		Options options = endpoints ? Options.parse(args, EndpointCommands.VALUED, EndpointCommands.FLAGS)
				: Options.parse(args, Set.of("name", "envelope", "flows", "reason"), Set.of());
		List<String> words = options.positional();
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			if (endpoints) {
				return EndpointCommands.run(runtime, words, options, out);
			}
			if (words.isEmpty()) {
				out.println(Json.write(runtime.partners()));
			} else if (words.equals(List.of("workflows"))) {
				out.println(Json.write(runtime.workflows()));
			} else if (words.size() == 2 && words.get(0).equals("save")) {
				PartnerConfig saved = runtime.savePartner(new PartnerConfig(words.get(1), options.require("name"),
						options.get("envelope"), flows(options.require("flows"))),
						options.require("reason"));
				out.println(Json.write(saved));
			} else {
				throw new IllegalArgumentException("partners takes nothing, 'workflows', or 'save ID' with options");
			}
		}
		return OK;
	}

	/** {@code 850:IN:EDI_ORDERS:zenith-850-order,997:OUT:FUNCTIONAL_ACKNOWLEDGMENT} as flows. */
	static List<PartnerConfig.Flow> flows(String text) {
		List<PartnerConfig.Flow> flows = new ArrayList<>();
		for (String part : text.split(",")) {
			String[] fields = part.trim().split(":");
			if (fields.length < 3 || fields.length > 5) {
				throw new IllegalArgumentException("--flows takes TYPE:IN|OUT:WORKFLOW[:MAPPING[:FILES]], not '" + part
						+ "'");
			}
			String mapping = fields.length >= 4 && !fields[3].isEmpty() ? fields[3] : null;
			flows.add(new PartnerConfig.Flow(null, fields[0], fields[1], fields[2], mapping,
					fields.length == 5 ? fields[4] : null));
		}
		return flows;
	}
}
