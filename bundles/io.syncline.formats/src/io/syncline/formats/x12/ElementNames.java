package io.syncline.formats.x12;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Element names such as {@code BEG03}. The reader names every element it reads, so the names of a segment are made
 * once and kept: a few hundred segment tags at most, since X12 has no more.
 */
public final class ElementNames {

	private static final int KEPT_POSITIONS = 100;
	private static final int MAX_TAGS = 4096;
	private static final ConcurrentHashMap<String, String[]> NAMES = new ConcurrentHashMap<>();

	private ElementNames() {
	}

	public static String of(String segmentTag, int position) {
		if (position < 0 || position >= KEPT_POSITIONS) {
			return segmentTag + position;
		}
		String[] names = NAMES.get(segmentTag);
		if (names == null) {
			names = new String[KEPT_POSITIONS];
			for (int i = 0; i < KEPT_POSITIONS; i++) {
				names[i] = segmentTag + (i < 10 ? "0" + i : Integer.toString(i));
			}
			// a stream of garbage tags must not grow this without bound
			if (NAMES.size() < MAX_TAGS) {
				NAMES.putIfAbsent(segmentTag, names);
			}
		}
		return names[position];
	}
}
