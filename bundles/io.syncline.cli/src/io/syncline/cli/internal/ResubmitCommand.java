package io.syncline.cli.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/**
 * {@code resubmit ID [--payload FILE --reason R] [--version N] [--validate-only]}: fix a failed message and send
 * it through again; the original stays in the journal.
 */
@Component(service = RuntimeCommand.class)
public final class ResubmitCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "resubmit";
	}

	@Override
	public String summary() {
		return "resubmit ID [--payload FILE --reason R] [--version N] [--validate-only]: edit, validate "
				+ "and resubmit an exception's message";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("payload", "reason", "version"), Set.of("validate-only"));
		long id = Long.parseLong(options.onePositional("exception id"));
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			if (options.has("payload")) {
				runtime.editPayload(id, Files.readAllBytes(Path.of(options.get("payload"))), options.require("reason"));
			}
			if (options.has("validate-only")) {
				var report = runtime.validate(id);
				out.println(Json.write(report));
				return report.valid() ? OK : FAILED;
			}
			Integer version = options.has("version") ? Integer.valueOf(options.get("version")) : null;
			SubmitResult result = runtime.resubmit(id, version);
			out.println(Json.write(result));
			return result.clean() ? OK : FAILED;
		}
	}
}
