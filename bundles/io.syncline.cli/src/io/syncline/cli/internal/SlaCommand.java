package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.engine.SlaWatch;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.api.SlaClock;
import io.syncline.runtime.api.SlaQuery;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/**
 * {@code sla [--open|--due-soon|--breached|--met] [--partner P] [--document D]}: SLA clocks on document pairs, after
 * a check (clocks started and stopped from the journal, due ones breached) as {@code serve} makes on its schedule.
 * Rules are set with {@code rules sla.<partner>.<document>.<reply> PT24H|requested-date --reason …}.
 */
@Component(service = RuntimeCommand.class)
public final class SlaCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "sla";
	}

	@Override
	public String summary() {
		return "sla [--open|--due-soon|--breached|--met] [--partner P] [--document D] [--after ID] [--limit N]: "
				+ "SLA clocks on document pairs";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("partner", "document", "after", "limit"),
				Set.of("open", "due-soon", "breached", "met"));
		List<String> views = List.of("open", "due-soon", "breached", "met").stream().filter(options::has).toList();
		if (views.size() > 1) {
			throw new IllegalArgumentException("give one of --open, --due-soon, --breached, --met, not " + views);
		}
		SlaQuery.View view = views.isEmpty() ? null : SlaQuery.View.valueOf(views.get(0).replace('-', '_').toUpperCase());
		SlaQuery query = new SlaQuery(view, options.get("partner"), options.get("document"),
				options.has("after") ? Long.parseLong(options.get("after")) : 0,
				options.has("limit") ? Integer.parseInt(options.get("limit")) : 200);
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			SlaWatch.Checked checked = runtime.operations().checkSlaClocks();
			Page<SlaClock> page = runtime.slaClocks(query);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("checked", checked);
			result.put("clocks", page.items());
			result.put("nextAfter", page.nextAfter());
			out.println(Json.write(result));
		}
		return OK;
	}
}
