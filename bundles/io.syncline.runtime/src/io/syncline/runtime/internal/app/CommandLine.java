package io.syncline.runtime.internal.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Global options, then the command and its own arguments: {@code [--data DIR] <command> [args...]}. */
record CommandLine(Path dataDirectory, String command, List<String> commandArgs, boolean helpRequested) {

	static CommandLine parse(List<String> args) {
		return parse(args, System.getenv(), Path.of(System.getProperty("user.home")));
	}

	static CommandLine parse(List<String> args, Map<String, String> env, Path home) {
		String dataEnv = env.get("SYNCLINE_DATA");
		Path data = dataEnv != null && !dataEnv.isBlank() ? Path.of(dataEnv) : home.resolve(".syncline").resolve("data");
		boolean help = false;
		int i = 0;
		while (i < args.size() && args.get(i).startsWith("-")) {
			String option = args.get(i);
			if (option.equals("--data")) {
				if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
					throw new IllegalArgumentException("--data needs a directory");
				}
				data = Path.of(args.get(i + 1));
				i += 2;
			} else if (option.equals("--help") || option.equals("-h")) {
				help = true;
				i++;
			} else {
				throw new IllegalArgumentException("unknown option '" + option + "' (before the command)");
			}
		}
		String command = i < args.size() ? args.get(i) : null;
		List<String> rest = i + 1 < args.size() ? List.copyOf(args.subList(i + 1, args.size())) : List.of();
		return new CommandLine(data.toAbsolutePath(), help && command == null ? "help" : command, new ArrayList<>(rest),
				help);
	}
}
