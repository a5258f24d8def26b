package io.syncline.transport.jdbc;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Where a table's polling stands: the (watermark, key) of the last row journaled, kept as text. A watermark that
 * reads as a time is bound as one, else as a number, else as text.
 */
record RowCursor(Object watermark, String watermarkText, String key) {

	String text() {
		return watermarkText + "\n" + key;
	}

	static RowCursor parse(String text) {
		if (text == null || !text.contains("\n")) {
			return null;
		}
		String mark = text.substring(0, text.indexOf('\n'));
		String key = text.substring(text.indexOf('\n') + 1);
		return new RowCursor(value(mark), mark, key);
	}

	private static Object value(String mark) {
		try {
			return OffsetDateTime.parse(mark);
		} catch (DateTimeParseException notTime) {
			try {
				return new java.math.BigDecimal(mark);
			} catch (NumberFormatException notNumber) {
				return mark;
			}
		}
	}
}
