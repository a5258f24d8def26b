package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.BulkResult;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/** {@code retry ID… [--dry-run]}: resubmit many exceptions' messages, or only say what would happen. */
@Component(service = RuntimeCommand.class)
public final class RetryCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "retry";
	}

	@Override
	public String summary() {
		return "retry ID... [--dry-run]: bulk resubmit, or with --dry-run only validate each";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of(), Set.of("dry-run"));
		if (options.positional().isEmpty()) {
			throw new IllegalArgumentException("retry needs at least one exception id");
		}
		List<Long> ids = options.positional().stream().map(Long::valueOf).toList();
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			BulkResult result = runtime.retry(ids, options.has("dry-run"));
			out.println(Json.write(result));
			return result.count("FAILED") + result.count("WOULD_FAIL") == 0 ? OK : FAILED;
		}
	}
}
