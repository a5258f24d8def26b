package io.syncline.cli.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.api.Subscription;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/** {@code ingest --partner P FILE…}: journal, map and apply partner files; prints a JSON result per file. */
@Component(service = RuntimeCommand.class)
public final class IngestCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "ingest";
	}

	@Override
	public String summary() {
		return "ingest --partner P FILE... [--type T] [--mappings DIR] [--tolerance PCT]: journal, map and apply partner files";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("partner", "type", "mappings", "tolerance"), Set.of());
		if (options.positional().isEmpty()) {
			throw new IllegalArgumentException("ingest needs at least one file");
		}
		String partner = options.require("partner");
		BigDecimal tolerance = new BigDecimal(options.has("tolerance") ? options.get("tolerance") : "2");
		List<SubmitResult> results = new ArrayList<>();
		try (LocalRuntime runtime = Runtimes.runtime(context, options.get("mappings"), tolerance)) {
			for (String name : options.positional()) {
				Path file = Path.of(name);
				if (!Files.isRegularFile(file)) {
					throw new IllegalArgumentException(name + ": no such file");
				}
				ProgressLine progress = new ProgressLine(err, file.getFileName().toString());
				Subscription listening = runtime.subscribe(event -> {
					if (event.type() == RuntimeEvent.Type.MESSAGE_PROGRESS && event.progress() != null) {
						progress.update(event.progress().records(), event.progress().bytesRead(),
								event.progress().totalBytes());
					}
				});
				try {
					results.add(runtime.operations().submitFile(partner, options.get("type"), file));
				} finally {
					listening.close();
					progress.finish();
				}
			}
		}
		out.println(Json.write(results));
		return results.stream().allMatch(SubmitResult::clean) ? OK : FAILED;
	}
}
