package io.syncline.formats.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two X12 documents segment by segment, ignoring what legitimately differs between runs: the ISA and GS
 * dates, times and control numbers and their echoes in GE and IEA. Separators are taken from each ISA.
 */
public final class X12Comparison {

	private X12Comparison() {
	}

	public static List<String> diff(String expected, String actual) {
		List<String> e = comparable(expected);
		List<String> a = comparable(actual);
		List<String> differences = new ArrayList<>();
		for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
			String want = i < e.size() ? e.get(i) : "(none)";
			String got = i < a.size() ? a.get(i) : "(none)";
			if (!want.equals(got)) {
				differences.add("segment " + (i + 1) + ": expected " + want + ", got " + got);
			}
		}
		return differences;
	}

	/** Segments with the envelope's run-specific values blanked and separators normalized to {@code * ~}. */
	public static List<String> comparable(String x12) {
		String text = x12.stripLeading();
		if (text.length() < 106 || !text.startsWith("ISA")) {
			throw new IllegalArgumentException("not an X12 interchange: it does not start with a complete ISA segment");
		}
		char element = text.charAt(3);
		char segment = text.charAt(105);
		List<String> segments = new ArrayList<>();
		for (String raw : text.split(java.util.regex.Pattern.quote(String.valueOf(segment)))) {
			String trimmed = raw.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			String[] fields = trimmed.split(java.util.regex.Pattern.quote(String.valueOf(element)), -1);
			switch (fields[0]) {
			case "ISA" -> blank(fields, 9, 10, 13);
			case "GS" -> blank(fields, 4, 5, 6);
			case "GE", "IEA" -> blank(fields, 2);
			case "ST", "SE" -> blank(fields, 2);
			default -> {
				// business segments compare as they are
			}
			}
			segments.add(String.join("*", fields));
		}
		return segments;
	}

	private static void blank(String[] fields, int... positions) {
		for (int position : positions) {
			if (position < fields.length) {
				fields[position] = "#";
			}
		}
	}
}
