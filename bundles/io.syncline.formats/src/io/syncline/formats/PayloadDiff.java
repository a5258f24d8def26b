package io.syncline.formats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * What an edit changed in a payload, field by field, for the audit: in X12 by segment and element
 * ({@code segment 12 PRF, element PRF01: 'X' → 'Y'}), in CSV by line and column name, in any other text by line.
 * The unchanged head and tail are skipped, so an edit in a large file costs one pass; a middle of different length
 * is told as lines or segments removed and added.
 */
public final class PayloadDiff {

	/** One change: where, and the value before and after (null: absent). */
	public record Change(String where, String before, String after) {
	}

	private PayloadDiff() {
	}

	public static List<Change> diff(byte[] before, byte[] after) {
		String old = new String(before, StandardCharsets.UTF_8);
		String now = new String(after, StandardCharsets.UTF_8);
		if (isX12(old) && isX12(now)) {
			return x12(old, now);
		}
		return lines(old, now);
	}

	private static boolean isX12(String text) {
		String stripped = text.stripLeading();
		return stripped.length() >= 106 && stripped.startsWith("ISA");
	}

	private static List<Change> x12(String old, String now) {
		String oldText = old.stripLeading();
		String nowText = now.stripLeading();
		char element = nowText.charAt(3);
		List<String> a = segments(oldText, oldText.charAt(105));
		List<String> b = segments(nowText, nowText.charAt(105));
		List<Change> changes = new ArrayList<>();
		compare(a, b, (index, was, is) -> {
			String[] wasFields = was == null ? new String[0] : was.split(Pattern.quote(String.valueOf(oldText.charAt(3))), -1);
			String[] isFields = is == null ? new String[0] : is.split(Pattern.quote(String.valueOf(element)), -1);
			String tag = isFields.length > 0 ? isFields[0] : wasFields[0];
			if (was == null || is == null || !wasFields[0].equals(isFields[0])) {
				changes.add(new Change("segment " + index + " " + tag, was, is));
				return;
			}
			for (int i = 1; i < Math.max(wasFields.length, isFields.length); i++) {
				String x = i < wasFields.length ? wasFields[i] : null;
				String y = i < isFields.length ? isFields[i] : null;
				if (!java.util.Objects.equals(x, y)) {
					changes.add(new Change(String.format("segment %d %s, element %s%02d", index, tag, tag, i), x, y));
				}
			}
		});
		return changes;
	}

	private static List<String> segments(String text, char terminator) {
		List<String> segments = new ArrayList<>();
		for (String raw : text.split(Pattern.quote(String.valueOf(terminator)))) {
			String trimmed = raw.strip();
			if (!trimmed.isEmpty()) {
				segments.add(trimmed);
			}
		}
		return segments;
	}

	private static List<Change> lines(String old, String now) {
		List<String> a = old.lines().toList();
		List<String> b = now.lines().toList();
		List<String> header = b.isEmpty() ? List.of() : fields(b.get(0));
		List<Change> changes = new ArrayList<>();
		compare(a, b, (index, was, is) -> {
			List<String> x = was == null ? null : fields(was);
			List<String> y = is == null ? null : fields(is);
			if (index > 1 && x != null && y != null && x.size() == y.size() && y.size() == header.size()
					&& header.size() > 1) {
				for (int i = 0; i < y.size(); i++) {
					if (!x.get(i).equals(y.get(i))) {
						changes.add(new Change("line " + index + ", field '" + header.get(i) + "'", x.get(i), y.get(i)));
					}
				}
			} else {
				changes.add(new Change("line " + index, was, is));
			}
		});
		return changes;
	}

	/** A line's CSV fields (one field for a line that is not CSV). */
	private static List<String> fields(String line) {
		try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(line)) {
			for (CsvRecord record : reader) {
				return record.getFields();
			}
		} catch (java.io.IOException | RuntimeException notCsv) {
			// a line CSV cannot read is compared whole
		}
		return List.of(line);
	}

	@FunctionalInterface
	private interface Differ {
		/** Items at 1-based {@code index} of the new side (or the old, for a removal); null where absent. */
		void differ(int index, String before, String after);
	}

	private static void compare(List<String> a, List<String> b, Differ differ) {
		int head = 0;
		while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
			head++;
		}
		int tail = 0;
		while (tail < a.size() - head && tail < b.size() - head
				&& a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
			tail++;
		}
		int oldMiddle = a.size() - head - tail;
		int newMiddle = b.size() - head - tail;
		if (oldMiddle == newMiddle) {
			for (int i = 0; i < newMiddle; i++) {
				differ.differ(head + i + 1, a.get(head + i), b.get(head + i));
			}
			return;
		}
		for (int i = 0; i < oldMiddle; i++) {
			differ.differ(head + i + 1, a.get(head + i), null);
		}
		for (int i = 0; i < newMiddle; i++) {
			differ.differ(head + i + 1, null, b.get(head + i));
		}
	}
}
