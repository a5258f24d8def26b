package io.syncline.mapping.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * A second, deliberately naive X12 checker that shares no code with StAEDI or Syncline's reader, so what we emit is
 * accepted by more than the parser that wrote it: fixed-width ISA, separators taken from it, every ST/SE pair
 * counted and numbered alike, GS/GE and ISA/IEA counts and control numbers matching. Returns the problems found.
 */
final class IndependentX12Check {

	private IndependentX12Check() {
	}

	static List<String> check(String x12) {
		List<String> problems = new ArrayList<>();
		String text = x12.stripLeading();
		if (!text.startsWith("ISA") || text.length() < 106) {
			return List.of("does not start with a 106-character ISA");
		}
		char element = text.charAt(3);
		char segmentEnd = text.charAt(105);
		String[] isa = text.substring(0, 105).split(java.util.regex.Pattern.quote(String.valueOf(element)), -1);
		if (isa.length != 17) {
			problems.add("ISA has " + (isa.length - 1) + " elements, not 16");
		}
		if (isa[6].length() != 15 || isa[8].length() != 15 || isa[13].length() != 9) {
			problems.add("ISA06/ISA08/ISA13 are not fixed width");
		}
		List<String[]> segments = new ArrayList<>();
		for (String raw : text.split(java.util.regex.Pattern.quote(String.valueOf(segmentEnd)))) {
			String segment = raw.strip();
			if (!segment.isEmpty()) {
				segments.add(segment.split(java.util.regex.Pattern.quote(String.valueOf(element)), -1));
			}
		}
		int groups = 0;
		int transactionsInGroup = 0;
		int segmentsInTransaction = 0;
		String[] st = null;
		String[] gs = null;
		for (String[] segment : segments) {
			if (segment[0].isEmpty() || !segment[0].matches("[A-Z][A-Z0-9]{1,2}")) {
				problems.add("bad segment id '" + segment[0] + "'");
			}
			if (st != null) {
				segmentsInTransaction++;
			}
			switch (segment[0]) {
			case "GS" -> { gs = segment; groups++; transactionsInGroup = 0; }
			case "ST" -> { st = segment; segmentsInTransaction = 1; transactionsInGroup++; }
			case "SE" -> {
				if (st == null) {
					problems.add("SE without ST");
				} else {
					if (Integer.parseInt(segment[1]) != segmentsInTransaction) {
						problems.add("SE01 " + segment[1] + " but the transaction has " + segmentsInTransaction + " segments");
					}
					if (!segment[2].equals(st[2])) {
						problems.add("SE02 " + segment[2] + " does not match ST02 " + st[2]);
					}
				}
				st = null;
			}
			case "GE" -> {
				if (gs == null || Integer.parseInt(segment[1]) != transactionsInGroup || !segment[2].equals(gs[6])) {
					problems.add("GE does not close its GS (count or control number)");
				}
				gs = null;
			}
			case "IEA" -> {
				if (Integer.parseInt(segment[1]) != groups || !segment[2].equals(isa[13])) {
					problems.add("IEA does not close its ISA (count or control number)");
				}
			}
			default -> {
				// business segments: only their ids are checked
			}
			}
		}
		return problems;
	}
}
