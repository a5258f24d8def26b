package io.syncline.ui.internal.exceptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a located X12 problem sits in an interchange's text: the separators come from its ISA; the segment is
 * counted from the ST of the transaction named (segment positions count from ST = 1, as a 997 quotes them), or
 * found on the line named; the element and component are cut out of that segment.
 */
final class X12Ranges {

	private record Segment(int start, int end, String tag) {
	}

	private X12Ranges() {
	}

	static PayloadLocator.Range locate(String text, int isaAt, String location) {
		char elementSeparator = text.charAt(isaAt + 3);
		char componentSeparator = text.charAt(isaAt + 104);
		List<Segment> segments = segments(text, isaAt);
		String tag = PayloadLocator.group(PayloadLocator.segment(), location, 2);
		String position = PayloadLocator.group(PayloadLocator.segment(), location, 1);
		Segment found = null;
		String control = PayloadLocator.group(PayloadLocator.transaction(), location, 1);
		if (tag != null && position != null && control != null) {
			found = byPosition(text, segments, elementSeparator, control, Integer.parseInt(position), tag);
		}
		long line = PayloadLocator.number(java.util.regex.Pattern.compile("\\bline (\\d+)"), location);
		if (found == null && tag != null && line > 0) {
			found = onLine(text, segments, (int) line, tag);
		}
		if (found == null) {
			return null;
		}
		String element = PayloadLocator.group(PayloadLocator.element(), location, 1);
		if (element == null) {
			return new PayloadLocator.Range(found.start(), found.end() - found.start(), "segment " + found.tag());
		}
		String component = PayloadLocator.group(PayloadLocator.element(), location, 2);
		Cut cut = element(text, found, Integer.parseInt(element), component == null ? 0 : Integer.parseInt(component),
				elementSeparator, componentSeparator);
		return new PayloadLocator.Range(cut.start(), cut.end() - cut.start(), cut.what());
	}

	/** The segments that start a document's line item, by the transaction sets that have them. */
	private static final java.util.Set<String> LINE_ITEM_STARTS = java.util.Set.of("PO1", "IT1", "LIN");
	/** Segments that end a line item's loop: the next line, the summary, the set's end, the next hierarchy level. */
	private static final java.util.Set<String> LINE_ITEM_ENDS = java.util.Set.of("PO1", "IT1", "LIN", "CTT", "SE", "HL",
			"TDS");

	/**
	 * The loop of line item {@code number}: its {@code PO1} (or {@code IT1}, {@code LIN}) whose first element is the
	 * number, through the last segment before the next line item or the set's summary; in a transaction set of type
	 * {@code document} when that is one (855), else in any set. Null when there is no such line.
	 */
	static PayloadLocator.Range lineItem(String text, int isaAt, String document, int number) {
		char elementSeparator = text.charAt(isaAt + 3);
		List<Segment> segments = segments(text, isaAt);
		boolean typed = document.matches("\\d{3}");
		String setType = null;
		for (int i = 0; i < segments.size(); i++) {
			Segment segment = segments.get(i);
			if (segment.tag().equals("ST")) {
				setType = element(text, segment, 1, 0, elementSeparator, '\0').text(text);
			}
			boolean inSet = !typed || document.equals(setType);
			if (inSet && LINE_ITEM_STARTS.contains(segment.tag())
					&& String.valueOf(number).equals(element(text, segment, 1, 0, elementSeparator, '\0').text(text)
							.strip())) {
				int last = i;
				while (last + 1 < segments.size() && !LINE_ITEM_ENDS.contains(segments.get(last + 1).tag())) {
					last++;
				}
				int end = segments.get(last).end() + 1 <= text.length() ? segments.get(last).end() + 1 : text.length();
				return new PayloadLocator.Range(segment.start(), end - segment.start(),
						"line item " + number + " (" + segment.tag() + " to " + segments.get(last).tag() + ")");
			}
		}
		return null;
	}

	/** The interchange's segments, cut by the element separator and terminator its ISA declares. */
	private static List<Segment> segments(String text, int isaAt) {
		return segments(text, isaAt, text.charAt(isaAt + 3), text.charAt(isaAt + 105));
	}

	private static List<Segment> segments(String text, int from, char elementSeparator, char terminator) {
		List<Segment> segments = new ArrayList<>();
		int start = from;
		while (start < text.length()) {
			while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
				start++;
			}
			int end = text.indexOf(terminator, start);
			end = end < 0 ? text.length() : end;
			if (end > start) {
				int tagEnd = text.indexOf(elementSeparator, start);
				tagEnd = tagEnd < 0 || tagEnd > end ? end : tagEnd;
				segments.add(new Segment(start, end, text.substring(start, tagEnd)));
			}
			start = end + 1;
		}
		return segments;
	}

	private static Segment byPosition(String text, List<Segment> segments, char elementSeparator, String control,
			int position, String tag) {
		for (int i = 0; i < segments.size(); i++) {
			Segment st = segments.get(i);
			if (st.tag().equals("ST") && control.equals(element(text, st, 2, 0, elementSeparator, '\0').text(text))) {
				int target = i + position - 1;
				if (target < segments.size() && segments.get(target).tag().equals(tag)) {
					return segments.get(target);
				}
			}
		}
		return null;
	}

	private static Segment onLine(String text, List<Segment> segments, int line, String tag) {
		PayloadLocator.Range range = PayloadLocator.line(text, line);
		if (range == null) {
			return null;
		}
		for (Segment segment : segments) {
			if (segment.start() >= range.start() && segment.start() <= range.start() + range.length()
					&& segment.tag().equals(tag)) {
				return segment;
			}
		}
		return null;
	}

	private record Cut(int start, int end, String what) {
		String text(String all) {
			return all.substring(start, end);
		}
	}

	private static Cut element(String text, Segment segment, int element, int component, char elementSeparator,
			char componentSeparator) {
		int start = segment.start();
		for (int i = 0; i < element; i++) {
			int next = text.indexOf(elementSeparator, start);
			if (next < 0 || next >= segment.end()) {
				return new Cut(segment.start(), segment.end(), "segment " + segment.tag());
			}
			start = next + 1;
		}
		int end = text.indexOf(elementSeparator, start);
		end = end < 0 || end > segment.end() ? segment.end() : end;
		String what = String.format("element %s%02d", segment.tag(), element);
		if (component > 0) {
			int componentStart = start;
			for (int i = 1; i < component; i++) {
				int next = text.indexOf(componentSeparator, componentStart);
				if (next < 0 || next >= end) {
					return new Cut(start, end, what);
				}
				componentStart = next + 1;
			}
			int componentEnd = text.indexOf(componentSeparator, componentStart);
			componentEnd = componentEnd < 0 || componentEnd > end ? end : componentEnd;
			return new Cut(componentStart, componentEnd, what + "-" + component);
		}
		return new Cut(start, end, what);
	}
}
