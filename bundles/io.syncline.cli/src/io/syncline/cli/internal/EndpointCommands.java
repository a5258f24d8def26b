package io.syncline.cli.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.syncline.runtime.api.EndpointConfig;
import io.syncline.runtime.api.EndpointTest;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.cli.RuntimeCommand;

/**
 * {@code partners endpoint list | add ID | edit ID | remove ID | test ID}. Settings are {@code name=value} words;
 * secrets never go on the command line, where the shell's history would keep them: {@code --secret NAME} reads
 * one from the terminal without echo (or the first line of standard input), {@code --secret-file NAME=PATH,…}
 * reads each from a file (a private key, a PKCS#12 in base64).
 */
final class EndpointCommands {

	static final Set<String> VALUED = Set.of("partner", "direction", "kind", "schedule", "types", "secret",
			"secret-file", "reason");
	static final Set<String> FLAGS = Set.of("disabled", "enabled");
	static final String USAGE = "partners endpoint list | add ID --partner P --direction in|out --kind sftp|as2|"
			+ "webhook|http|jdbc|folder [NAME=VALUE …] [--schedule SECONDS] [--types 855,856] [--secret NAME] "
			+ "[--secret-file NAME=PATH,…] --reason R | edit ID [the same, only what changes] | remove ID --reason R "
			+ "| test ID";

	private EndpointCommands() {
	}

	static int run(IntegrationRuntime runtime, List<String> words, Options options, PrintStream out)
			throws IOException {
		String verb = words.size() > 1 ? words.get(1) : "list";
		if (verb.equals("list") && words.size() <= 2) {
			out.println(Json.write(runtime.endpoints()));
			return RuntimeCommand.OK;
		}
		if (words.size() < 3) {
			throw new IllegalArgumentException(USAGE);
		}
		String id = words.get(2);
		List<String> settingWords = words.subList(3, words.size());
		switch (verb) {
		case "add" -> out.println(Json.write(runtime.saveEndpoint(added(id, options, settings(settingWords)),
				secrets(options), options.require("reason"))));
		case "edit" -> out.println(Json.write(runtime.saveEndpoint(edited(existing(runtime, id), options,
				settings(settingWords)), secrets(options), options.require("reason"))));
		case "remove" -> {
			runtime.removeEndpoint(id, options.require("reason"));
			out.println("removed endpoint " + id);
		}
		case "test" -> {
			EndpointTest test = runtime.testEndpoint(id);
			out.println((test.ok() ? "ok: " : "failed: ") + test.summary());
			test.details().forEach(detail -> out.println("  " + detail));
			return test.ok() ? RuntimeCommand.OK : RuntimeCommand.FAILED;
		}
		default -> throw new IllegalArgumentException(USAGE);
		}
		return RuntimeCommand.OK;
	}

	private static EndpointConfig added(String id, Options options, Map<String, String> settings) {
		return new EndpointConfig(id, options.require("partner"), options.require("direction"),
				options.require("kind"), settings, List.of(), schedule(options, null), types(options, List.of()),
				!options.has("disabled"), null);
	}

	/** The endpoint as it is, with what the command changes: settings named replace theirs; NAME= removes one. */
	private static EndpointConfig edited(EndpointConfig before, Options options, Map<String, String> changes) {
		Map<String, String> settings = new LinkedHashMap<>(before.settings());
		changes.forEach((name, value) -> {
			if (value.isEmpty()) {
				settings.remove(name);
			} else {
				settings.put(name, value);
			}
		});
		boolean enabled = options.has("disabled") ? false : options.has("enabled") || before.enabled();
		return new EndpointConfig(before.endpointId(), or(options.get("partner"), before.partnerId()),
				or(options.get("direction"), before.direction()), or(options.get("kind"), before.kind()), settings,
				List.of(), schedule(options, before.scheduleSeconds()), types(options, before.documentTypes()),
				enabled, null);
	}

	private static EndpointConfig existing(IntegrationRuntime runtime, String id) {
		return runtime.endpoints().stream().filter(endpoint -> endpoint.endpointId().equals(id)).findFirst()
				.orElseThrow(() -> new NotFoundException("no endpoint " + id));
	}

	private static Map<String, String> settings(List<String> words) {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String word : words) {
			int equals = word.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException("a setting is NAME=VALUE, not '" + word + "'");
			}
			settings.put(word.substring(0, equals), word.substring(equals + 1));
		}
		return settings;
	}

	/** Secrets typed at the terminal or read from files; null when none is given, so an edit keeps them. */
	private static Map<String, String> secrets(Options options) throws IOException {
		Map<String, String> secrets = new LinkedHashMap<>();
		if (options.has("secret")) {
			String name = options.get("secret");
			Console console = System.console();
			String value;
			if (console != null) {
				char[] typed = console.readPassword("%s for the endpoint (not shown): ", name);
				value = typed == null ? "" : new String(typed);
			} else {
				BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
				value = in.readLine();
			}
			if (value == null || value.isEmpty()) {
				throw new IllegalArgumentException("--secret " + name + ": nothing was typed");
			}
			secrets.put(name, value);
		}
		if (options.has("secret-file")) {
			for (String pair : options.get("secret-file").split(",")) {
				int equals = pair.indexOf('=');
				if (equals <= 0) {
					throw new IllegalArgumentException("--secret-file takes NAME=PATH, not '" + pair + "'");
				}
				Path file = Path.of(pair.substring(equals + 1).strip());
				secrets.put(pair.substring(0, equals).strip(), Files.readString(file, StandardCharsets.UTF_8).strip());
			}
		}
		return secrets.isEmpty() ? null : secrets;
	}

	private static Integer schedule(Options options, Integer fallback) {
		if (!options.has("schedule")) {
			return fallback;
		}
		try {
			return Integer.valueOf(options.get("schedule"));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("--schedule takes whole seconds, not '" + options.get("schedule") + "'");
		}
	}

	private static List<String> types(Options options, List<String> fallback) {
		return options.has("types") ? Arrays.stream(options.get("types").split(",")).map(String::strip)
				.filter(type -> !type.isEmpty()).toList() : fallback;
	}

	private static String or(String given, String fallback) {
		return given != null ? given : fallback;
	}
}
