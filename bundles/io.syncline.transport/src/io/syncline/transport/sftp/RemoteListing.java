package io.syncline.transport.sftp;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which files of a remote folder are ready to take. A file is ready when its name fits the endpoint's patterns, it
 * carries no temporary name (a leading dot, {@code .part}, {@code .tmp}, {@code .filepart}) and, unless the partner
 * renames its files when they are whole ({@code stable=name}), its size and mtime did not change between this
 * listing and the last one. The last listing is kept per endpoint in memory: after a restart one more poll passes
 * before a file is taken, which costs a poll and risks nothing.
 */
final class RemoteListing {

	/** A file as listed. */
	record Listed(String name, long size, long modifiedMillis) {
		/** What identifies this version of the file for the pickup's claim: a file rewritten is a new pickup. */
		String pickupKey(String folder) {
			return folder + "/" + name + "|" + size + "|" + modifiedMillis;
		}
	}

	private static final Comparator<Listed> OLDEST_FIRST = Comparator.comparingLong(Listed::modifiedMillis)
			.thenComparing(Listed::name);

	private final Map<String, Map<String, Listed>> previous = new ConcurrentHashMap<>();

	/** The ready files, oldest first, of a listing made now for {@code endpointKey}. */
	List<Listed> ready(String endpointKey, List<Listed> listing, List<String> patterns, boolean renamedWhenWhole) {
		List<PathMatcher> matchers = patterns.stream()
				.map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob.toLowerCase(Locale.ROOT))).toList();
		Map<String, Listed> now = new ConcurrentHashMap<>();
		List<Listed> ready = new ArrayList<>();
		Map<String, Listed> before = previous.getOrDefault(endpointKey, Map.of());
		for (Listed file : listing) {
			if (temporary(file.name()) || !fits(matchers, file.name())) {
				continue;
			}
			now.put(file.name(), file);
			if (renamedWhenWhole || file.equals(before.get(file.name()))) {
				ready.add(file);
			}
		}
		previous.put(endpointKey, now);
		ready.sort(OLDEST_FIRST);
		return ready;
	}

	/** Forgets an endpoint's listing (it was changed or removed). */
	void forget(String endpointKey) {
		previous.remove(endpointKey);
	}

	static boolean temporary(String name) {
		return io.syncline.transport.TemporaryNames.temporary(name);
	}

	/** Whether a name fits the endpoint's patterns (all names when there are none). */
	static boolean fitsPatterns(List<String> patterns, String name) {
		return fits(patterns.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:"
				+ glob.toLowerCase(Locale.ROOT))).toList(), name);
	}

	private static boolean fits(List<PathMatcher> matchers, String name) {
		if (matchers.isEmpty()) {
			return true;
		}
		Path path = Path.of(name.toLowerCase(Locale.ROOT));
		return matchers.stream().anyMatch(matcher -> matcher.matches(path));
	}
}
