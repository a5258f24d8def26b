package io.syncline.formats.x12;

/** Element names such as {@code BEG03}, built without a formatter: the reader makes one per element. */
public final class ElementNames {

	private static final String[] POSITIONS = new String[100];

	static {
		for (int i = 0; i < POSITIONS.length; i++) {
			POSITIONS[i] = i < 10 ? "0" + i : Integer.toString(i);
		}
	}

	private ElementNames() {
	}

	public static String of(String segmentTag, int position) {
		return segmentTag + (position >= 0 && position < POSITIONS.length ? POSITIONS[position] : Integer.toString(position));
	}
}
