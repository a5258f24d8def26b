package io.syncline.mapping.internal;

/** Conditions and blanks, the same way everywhere: null, "" and "false" are false. */
final class Truth {

	private Truth() {
	}

	static boolean of(Object value) {
		if (value instanceof Boolean b) {
			return b;
		}
		return !isBlank(value) && !"false".equalsIgnoreCase(value.toString());
	}

	static boolean isBlank(Object value) {
		return value == null || value instanceof String s && s.isBlank();
	}
}
