package io.syncline.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.mapping.GoldenCases;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;

/** {@code test DIR [--accept]}: golden-file regression of mappings; prints a field-level diff per failing case. */
@Component(service = RuntimeCommand.class)
public final class TestCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "test";
	}

	@Override
	public String summary() {
		return "test DIR [--accept]: run golden cases (input, mapping, expected output); exit 1 on a mismatch";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of(), Set.of("accept"));
		List<GoldenCases.CaseResult> results = GoldenCases.run(Path.of(options.onePositional("directory")),
				options.has("accept"));
		long failed = 0;
		for (GoldenCases.CaseResult result : results) {
			out.println((result.passed() ? "PASS " : "FAIL ") + result.name());
			result.differences().forEach(d -> out.println("    " + d));
			failed += result.passed() ? 0 : 1;
		}
		out.println(results.size() + " cases, " + (results.size() - failed) + " passed, " + failed + " failed");
		return failed == 0 ? OK : FAILED;
	}
}
