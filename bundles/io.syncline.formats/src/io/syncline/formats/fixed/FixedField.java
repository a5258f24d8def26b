package io.syncline.formats.fixed;

/** One field of a fixed-width layout: its name, 1-based start column and width in characters. */
public record FixedField(String name, int start, int width) {

	public FixedField {
		if (start < 1 || width < 1) {
			throw new IllegalArgumentException("field " + name + ": start and width must be at least 1");
		}
	}

	public int end() {
		return start - 1 + width;
	}
}
