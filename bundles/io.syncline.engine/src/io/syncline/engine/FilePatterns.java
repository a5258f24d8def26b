package io.syncline.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which inbound route takes a file, by the globs on the partner's routes ({@code *} any run of characters,
 * {@code ?} one), case-insensitive. When several match, the most specific wins, the one with the most characters
 * that are not wildcards: {@code *shipment*.jsonl} before {@code *.jsonl}.
 */
final class FilePatterns {

	static final int LONGEST = 200;

	private FilePatterns() {
	}

	/** The route whose pattern matches the file name best, or null. */
	static RouteCatalog.Route match(List<RouteCatalog.Route> inbound, String fileName) {
		RouteCatalog.Route best = null;
		int bestWeight = -1;
		for (RouteCatalog.Route route : inbound) {
			if (route.filePattern() == null) {
				continue;
			}
			Glob glob = COMPILED.computeIfAbsent(route.filePattern(), Glob::of);
			if (glob.weight() > bestWeight && glob.regex().matcher(fileName).matches()) {
				best = route;
				bestWeight = glob.weight();
			}
		}
		return best;
	}

	/** Refuses a pattern that could not name a file, with the reason. */
	static void check(String pattern, String at) {
		if (pattern.isBlank() || pattern.length() > LONGEST || pattern.contains("/") || pattern.contains("\\")) {
			throw new IllegalArgumentException(at + ": file pattern '" + pattern + "' must name files, without "
					+ "folders, in up to " + LONGEST + " characters");
		}
	}

	/** Every document of a batch is matched, so a pattern is compiled once; a tenant configures few of them. */
	private static final Map<String, Glob> COMPILED = new ConcurrentHashMap<>();

	/** A glob as a regular expression, and how specific it is: its characters that are not wildcards. */
	private record Glob(Pattern regex, int weight) {

		static Glob of(String glob) {
			StringBuilder regex = new StringBuilder();
			StringBuilder literal = new StringBuilder();
			for (char c : glob.toCharArray()) {
				if (c == '*' || c == '?') {
					regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
					literal.setLength(0);
				} else {
					literal.append(c);
				}
			}
			regex.append(Pattern.quote(literal.toString()));
			return new Glob(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
					glob.replace("*", "").replace("?", "").length());
		}
	}
}
