package io.syncline.formats;

import java.util.StringJoiner;

/**
 * Where in a source something was found: enough for a person to open the file and put a finger on it. Text formats
 * fill the line (and the column or field); X12 fills the envelope control numbers, the segment position and tag and
 * the element position; tree formats fill a path. Unknown parts are 0 or null.
 */
public record SourceLocation(String file, long line, String field, String path, String interchange, String group,
		String transaction, int segmentPosition, String segmentTag, int elementPosition, int componentPosition) {

	public static SourceLocation ofFile(String file) {
		return new SourceLocation(file, 0, null, null, null, null, null, 0, null, 0, 0);
	}

	public static SourceLocation ofLine(String file, long line) {
		return new SourceLocation(file, line, null, null, null, null, null, 0, null, 0, 0);
	}

	public SourceLocation withLine(long newLine) {
		return new SourceLocation(file, newLine, field, path, interchange, group, transaction, segmentPosition,
				segmentTag, elementPosition, componentPosition);
	}

	public SourceLocation withField(String newField) {
		return new SourceLocation(file, line, newField, path, interchange, group, transaction, segmentPosition,
				segmentTag, elementPosition, componentPosition);
	}

	public SourceLocation withPath(String newPath) {
		return new SourceLocation(file, line, field, newPath, interchange, group, transaction, segmentPosition,
				segmentTag, elementPosition, componentPosition);
	}

	public SourceLocation withEnvelope(String newInterchange, String newGroup, String newTransaction) {
		return new SourceLocation(file, line, field, path, newInterchange, newGroup, newTransaction, segmentPosition,
				segmentTag, elementPosition, componentPosition);
	}

	public SourceLocation withSegment(int position, String tag, int element, int component) {
		return new SourceLocation(file, line, field, path, interchange, group, transaction, position, tag, element,
				component);
	}

	/** For example {@code acme-856-asn.edi line 14, interchange 000000204, group 204, transaction 0001, segment 12 PRF, element 01}. */
	public String describe() {
		StringJoiner parts = new StringJoiner(", ");
		StringBuilder head = new StringBuilder(file == null ? "<input>" : file);
		if (line > 0) {
			head.append(" line ").append(line);
		}
		parts.add(head);
		if (interchange != null) {
			parts.add("interchange " + interchange);
		}
		if (group != null) {
			parts.add("group " + group);
		}
		if (transaction != null) {
			parts.add("transaction " + transaction);
		}
		if (segmentTag != null) {
			parts.add("segment " + (segmentPosition > 0 ? segmentPosition + " " : "") + segmentTag);
		}
		if (elementPosition > 0) {
			parts.add(String.format("element %s%02d", segmentTag == null ? "" : segmentTag, elementPosition)
					+ (componentPosition > 0 ? "-" + componentPosition : ""));
		}
		if (path != null) {
			parts.add("at " + path);
		}
		if (field != null) {
			parts.add("field '" + field + "'");
		}
		return parts.toString();
	}

	@Override
	public String toString() {
		return describe();
	}
}
