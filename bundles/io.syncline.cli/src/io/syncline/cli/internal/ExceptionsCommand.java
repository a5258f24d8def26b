package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/** {@code exceptions [--open] [--kind K]}, or {@code exceptions ID}: the queue as JSON, or one exception in full. */
@Component(service = RuntimeCommand.class)
public final class ExceptionsCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "exceptions";
	}

	@Override
	public String summary() {
		return "exceptions [--open] [--kind K] [--assignee A] | exceptions ID: the exception queue, or one with its "
				+ "message, payload and history";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("kind", "assignee"), Set.of("open"));
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			if (options.positional().size() == 1) {
				out.println(Json.write(ExceptionView.of(runtime.exception(Long.parseLong(options.positional().get(0))))));
				return OK;
			}
			ExceptionQuery query = new ExceptionQuery(options.has("open"), options.get("kind"), options.get("assignee"),
					0, 500);
			List<ExceptionSummary> all = new ArrayList<>();
			Page<ExceptionSummary> page = runtime.exceptions(query);
			all.addAll(page.items());
			while (page.hasNext()) {
				page = runtime.exceptions(query.after(page.nextAfter()));
				all.addAll(page.items());
			}
			out.println(Json.write(all));
		}
		return OK;
	}
}
