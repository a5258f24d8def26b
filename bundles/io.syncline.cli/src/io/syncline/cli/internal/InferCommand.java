package io.syncline.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.formats.SourceOptions;
import io.syncline.formats.infer.SchemaInference;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;

/** {@code infer FILE [--record-path P]}: prints the source's structure as a typed tree. */
@Component(service = RuntimeCommand.class)
public final class InferCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "infer";
	}

	@Override
	public String summary() {
		return "infer FILE [--record-path P]: print the structure of a sample file as a typed tree";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("record-path", "max-records"), Set.of());
		Path file = Path.of(options.onePositional("file"));
		SourceOptions source = Sources.options(file, options.get("record-path"));
		int max = options.has("max-records") ? Integer.parseInt(options.get("max-records")) : 10_000;
		out.print(SchemaInference.infer(file, source, max).render());
		return OK;
	}
}
