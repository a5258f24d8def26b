package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syncline.runtime.api.AtpExplanation;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/** {@code atp ITEM WAREHOUSE [--explain]}: available-to-promise, and with --explain every change and its cause. */
@Component(service = RuntimeCommand.class)
public final class AtpCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "atp";
	}

	@Override
	public String summary() {
		return "atp ITEM WAREHOUSE [--explain]: available-to-promise, with its history and causes";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of(), Set.of("explain"));
		if (options.positional().size() != 2) {
			throw new IllegalArgumentException("atp needs ITEM and WAREHOUSE");
		}
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			AtpExplanation explanation = runtime.explainAtp(options.positional().get(0), options.positional().get(1));
			ObjectNode result = Json.MAPPER.createObjectNode();
			result.put("item", explanation.itemNumber());
			result.put("warehouse", explanation.warehouse());
			result.put("atp", explanation.atp().stripTrailingZeros().toPlainString());
			if (options.has("explain")) {
				var history = result.putArray("history");
				for (AtpExplanation.Change change : explanation.changes()) {
					ObjectNode entry = history.addObject();
					entry.put("at", change.at().toString());
					entry.put("cause", change.cause());
					entry.put("reference", change.reference());
					entry.put("before", change.before() == null ? null : change.before().stripTrailingZeros().toPlainString());
					entry.put("after", change.after().stripTrailingZeros().toPlainString());
					entry.put("detail", change.detail());
				}
			}
			out.println(Json.write(result));
		}
		return OK;
	}
}
