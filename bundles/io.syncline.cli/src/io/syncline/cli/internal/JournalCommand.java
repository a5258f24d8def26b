package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/** {@code journal [filters] [--after ID] [--limit N]}: one page of the message journal and the id to go on from. */
@Component(service = RuntimeCommand.class)
public final class JournalCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "journal";
	}

	@Override
	public String summary() {
		return "journal [--partner P] [--flow F] [--type T] [--direction IN|OUT] [--status S] [--key K] [--after ID] "
				+ "[--limit N] [--newest]: a page of the message journal, oldest first (--newest: newest first)";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args,
				Set.of("partner", "flow", "type", "direction", "status", "key", "after", "limit"), Set.of("newest"));
		JournalQuery query = new JournalQuery(options.get("partner"), options.get("flow"), options.get("type"),
				options.get("direction"), options.get("status"), options.get("key"), null, null,
				options.has("after") ? Long.parseLong(options.get("after")) : 0,
				options.has("limit") ? Integer.parseInt(options.get("limit")) : JournalQuery.DEFAULT_PAGE_SIZE,
				options.has("newest"));
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			Page<MessageSummary> page = runtime.journal(query);
			out.println(Json.write(Map.of("messages", page.items(), "nextAfter", page.nextAfter())));
		}
		return OK;
	}
}
