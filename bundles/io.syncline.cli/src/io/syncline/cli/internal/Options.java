package io.syncline.cli.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options, {@code --flag} switches and positional arguments of one command. */
final class Options {

	private final Map<String, String> values = new HashMap<>();
	private final List<String> positional = new ArrayList<>();

	private Options() {
	}

	static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
		Options options = new Options();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.startsWith("--")) {
				String name = arg.substring(2);
				if (flags.contains(name)) {
					options.values.put(name, "true");
				} else if (valued.contains(name)) {
					if (i + 1 >= args.size()) {
						throw new IllegalArgumentException(arg + " needs a value");
					}
					options.values.put(name, args.get(++i));
				} else {
					throw new IllegalArgumentException("unknown option " + arg);
				}
			} else {
				options.positional.add(arg);
			}
		}
		return options;
	}

	String get(String name) {
		return values.get(name);
	}

	String require(String name) {
		String value = values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	boolean has(String name) {
		return values.containsKey(name);
	}

	List<String> positional() {
		return positional;
	}

	String onePositional(String what) {
		if (positional.size() != 1) {
			throw new IllegalArgumentException("expected one " + what + ", got " + positional.size());
		}
		return positional.get(0);
	}
}
