package io.syncline.ui.internal.exceptions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a located problem sits in a payload's text, so an editor can highlight it and put the cursor on it.
 * It reads the location the runtime writes ({@code acme-855.edi line 14, interchange 000000204, group 204,
 * transaction 0001, segment 12 ACK, element ACK01}, {@code boltco-catalog.csv line 3, field 'unit_cost'},
 * {@code record 4}, {@code 855 line item 3}) and answers the narrowest range it can: the element or field, else the
 * segment, else the line. A line item is a line of the document, not of the file: in X12 it is the loop of the
 * {@code PO1}, {@code IT1} or {@code LIN} whose first element is its number; elsewhere, the first line that names
 * the document. Exceptions stored before line items were named so ({@code 855 line 3}) are read as line items too.
 */
public final class PayloadLocator {

	/** A range of the text: {@code what} says what was found (element, field, segment, line). */
	public record Range(int start, int length, String what) {
	}

	private static final Pattern LINE = Pattern.compile("\\bline (\\d+)");
	private static final Pattern RECORD = Pattern.compile("\\brecord (\\d+)");
	private static final Pattern TRANSACTION = Pattern.compile("\\btransaction (\\S+?)(?:,|$)");
	private static final Pattern SEGMENT = Pattern.compile("\\bsegment (?:(\\d+) )?([A-Z][A-Z0-9]{1,2})\\b");
	private static final Pattern ELEMENT = Pattern.compile("\\belement [A-Z][A-Z0-9]{1,2}?(\\d{2})(?:-(\\d+))?\\b");
	private static final Pattern FIELD = Pattern.compile("\\bfield '([^']*)'");
	private static final Pattern LINE_ITEM = Pattern.compile("(\\S+) line item (\\d+)\\b");
	private static final Pattern OLD_LINE_ITEM = Pattern.compile("^(\\d{3}) line (\\d+)$");

	private PayloadLocator() {
	}

	/** The range the location points at, or null when the text does not have it. */
	public static Range locate(String text, String location) {
		if (text == null || location == null || text.isEmpty()) {
			return null;
		}
		String stripped = text.stripLeading();
		boolean x12 = stripped.length() >= 106 && stripped.startsWith("ISA");
		Matcher item = LINE_ITEM.matcher(location);
		Matcher oldItem = OLD_LINE_ITEM.matcher(location.strip());
		Matcher found = item.find() ? item : oldItem.matches() ? oldItem : null;
		if (found != null) {
			String document = found.group(1);
			int number = Integer.parseInt(found.group(2));
			return x12 ? X12Ranges.lineItem(text, text.length() - stripped.length(), document, number)
					: naming(text, document);
		}
		if (x12) {
			Range segment = X12Ranges.locate(text, text.length() - stripped.length(), location);
			if (segment != null) {
				return segment;
			}
		}
		long line = number(LINE, location);
		long record = number(RECORD, location);
		if (line <= 0 && record > 0) {
			line = record + 1; // records count from the first row under the header
		}
		if (line <= 0) {
			return null;
		}
		Range whole = line(text, (int) line);
		if (whole == null) {
			return null;
		}
		Matcher field = FIELD.matcher(location);
		if (field.find()) {
			Range cell = field(text, whole, field.group(1));
			if (cell != null) {
				return cell;
			}
		}
		return whole;
	}

	/** The first line of the text that names {@code document} (an order's number, say), or null. */
	private static Range naming(String text, String document) {
		int at = text.indexOf(document);
		if (at < 0) {
			return null;
		}
		int start = text.lastIndexOf('\n', at) + 1;
		int end = text.indexOf('\n', at);
		end = end < 0 ? text.length() : end;
		return new Range(start, end - start, document);
	}

	static long number(Pattern pattern, String location) {
		Matcher matcher = pattern.matcher(location);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	static String group(Pattern pattern, String location, int group) {
		Matcher matcher = pattern.matcher(location);
		return matcher.find() ? matcher.group(group) : null;
	}

	static Pattern transaction() {
		return TRANSACTION;
	}

	static Pattern segment() {
		return SEGMENT;
	}

	static Pattern element() {
		return ELEMENT;
	}

	/** Line {@code number} (1-based) without its line break, or null past the end. */
	static Range line(String text, int number) {
		int start = 0;
		for (int current = 1; current < number; current++) {
			int next = text.indexOf('\n', start);
			if (next < 0) {
				return null;
			}
			start = next + 1;
		}
		int end = text.indexOf('\n', start);
		end = end < 0 ? text.length() : end;
		if (end > start && text.charAt(end - 1) == '\r') {
			end--;
		}
		return new Range(start, end - start, "line " + number);
	}

	/** The cell of a named column (by the header on line 1) in a CSV line. */
	private static Range field(String text, Range line, String name) {
		Range header = line(text, 1);
		List<int[]> names = cells(text, header);
		int column = -1;
		for (int i = 0; i < names.size(); i++) {
			int[] cell = names.get(i);
			if (unquoted(text.substring(cell[0], cell[1])).equals(name)) {
				column = i;
			}
		}
		List<int[]> cells = cells(text, line);
		if (column < 0 || column >= cells.size()) {
			return null;
		}
		int[] cell = cells.get(column);
		return new Range(cell[0], cell[1] - cell[0], "field '" + name + "'");
	}

	private static String unquoted(String cell) {
		String trimmed = cell.trim();
		return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
				? trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"")
				: trimmed;
	}

	/** Start and end offsets of each comma-separated cell of a line, a quoted comma not ending a cell. */
	private static List<int[]> cells(String text, Range line) {
		List<int[]> cells = new ArrayList<>();
		int end = line.start() + line.length();
		int start = line.start();
		boolean quoted = false;
		for (int at = line.start(); at < end; at++) {
			char c = text.charAt(at);
			if (c == '"') {
				quoted = !quoted;
			} else if (c == ',' && !quoted) {
				cells.add(new int[] { start, at });
				start = at + 1;
			}
		}
		cells.add(new int[] { start, end });
		return cells;
	}
}
