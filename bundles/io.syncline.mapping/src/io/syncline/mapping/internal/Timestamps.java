package io.syncline.mapping.internal;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps with an offset, read exactly as {@link OffsetDateTime#parse(CharSequence)} reads them. The form feeds
 * nearly always use, {@code 2026-11-26T10:00:00Z} (fraction and {@code ±HH:MM} offset optional), is read directly:
 * through {@code DateTimeFormatter} it was a quarter of the cost of mapping a one-line stock event. Anything else
 * (lower-case separators, offsets with seconds, out-of-range fields) goes to the formatter, which also words the
 * error.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static OffsetDateTime parse(String text) {
		OffsetDateTime common = common(text);
		return common != null ? common : OffsetDateTime.parse(text);
	}

	/** {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:MM)} with valid fields; null for anything else. */
	private static OffsetDateTime common(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int at = 19;
		int nano = 0;
		if (text.charAt(at) == '.') {
			int start = ++at;
			while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
				at++;
			}
			int count = at - start;
			if (count == 0 || count > 9) {
				return null;
			}
			nano = digits(text, start, count);
			for (int scale = count; scale < 9; scale++) {
				nano *= 10;
			}
		}
		ZoneOffset offset = offset(text, at);
		if (offset == null) {
			return null;
		}
		try {
			return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
		} catch (DateTimeException e) {
			return null; // such as 2026-02-30: the formatter says what is wrong
		}
	}

	private static ZoneOffset offset(String text, int at) {
		int length = text.length();
		if (at == length - 1 && text.charAt(at) == 'Z') {
			return ZoneOffset.UTC;
		}
		if (at != length - 6 || text.charAt(at + 3) != ':') {
			return null;
		}
		char sign = text.charAt(at);
		int hours = digits(text, at + 1, 2);
		int minutes = digits(text, at + 4, 2);
		if (sign != '+' && sign != '-' || (hours | minutes) < 0) {
			return null;
		}
		try {
			return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
					: ZoneOffset.ofHoursMinutes(-hours, -minutes);
		} catch (DateTimeException e) {
			return null;
		}
	}

	/**
	 * The ASCII digits at [from, from + count) as a number; -1 if any is not one. {@code fn:date} reads its fixed
	 * patterns with it too.
	 */
	public static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}
}
