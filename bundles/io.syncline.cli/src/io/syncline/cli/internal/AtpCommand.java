package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syncline.engine.InventorySync;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.store.Store;

/** {@code atp ITEM WAREHOUSE [--explain]}: available-to-promise, and with --explain every change and its cause. */
@Component(service = RuntimeCommand.class)
public final class AtpCommand implements RuntimeCommand {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
		String item = options.positional().get(0);
		String warehouse = options.positional().get(1);
		try (Store store = Runtimes.store(context)) {
			InventorySync inventory = new InventorySync(store);
			ObjectNode result = JSON.createObjectNode();
			result.put("item", item);
			result.put("warehouse", warehouse);
			result.put("atp", inventory.atp(Runtimes.TENANT, item, warehouse).stripTrailingZeros().toPlainString());
			if (options.has("explain")) {
				var history = result.putArray("history");
				for (var change : inventory.explainAtp(Runtimes.TENANT, item, warehouse)) {
					ObjectNode entry = history.addObject();
					entry.put("at", change.at().toString());
					entry.put("cause", change.cause());
					entry.put("reference", change.reference());
					entry.put("before", change.before() == null ? null : change.before().stripTrailingZeros().toPlainString());
					entry.put("after", change.after().stripTrailingZeros().toPlainString());
					entry.put("detail", change.detail());
				}
			}
			out.println(JSON.writeValueAsString(result));
		}
		return OK;
	}
}
