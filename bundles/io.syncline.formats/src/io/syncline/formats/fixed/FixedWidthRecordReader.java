package io.syncline.formats.fixed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.List;

import io.syncline.formats.Node;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceLocation;
import io.syncline.formats.SourceOptions;

/** Fixed-width lines cut by a layout; values are trimmed. A line shorter than the layout is reported and skipped. */
public final class FixedWidthRecordReader implements RecordReader {

	private final String source;
	private final ProblemSink problems;
	private final BufferedReader lines;
	private final List<FixedField> layout;
	private final int width;
	private final int maxLineChars;
	private long lineNumber;

	public FixedWidthRecordReader(InputStream in, String source, SourceOptions options, ProblemSink problems) {
		if (options.fixedLayout().isEmpty()) {
			throw new IllegalArgumentException("fixed-width needs a layout of fields");
		}
		this.source = source;
		this.problems = problems;
		this.layout = options.fixedLayout();
		this.width = layout.stream().mapToInt(FixedField::end).max().orElse(0);
		this.maxLineChars = options.maxFieldChars();
		this.lines = new BufferedReader(new InputStreamReader(in, options.charset()));
	}

	@Override
	public Node next() throws IOException {
		String line;
		while ((line = lines.readLine()) != null) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			SourceLocation at = SourceLocation.ofLine(source, lineNumber);
			if (line.length() > maxLineChars) {
				problems.report(Problem.error("FIXED_LINE_TOO_LONG", at, "line is " + line.length()
						+ " characters, over the limit of " + maxLineChars + "; skipped"));
				continue;
			}
			if (line.length() < width) {
				int length = line.length();
				FixedField cut = layout.stream().filter(f -> f.end() > length).findFirst().orElseThrow();
				problems.report(Problem.error("FIXED_SHORT_LINE", at.withField(cut.name()), "line is " + line.length()
						+ " characters, the layout needs " + width + "; skipped"));
				continue;
			}
			Node record = Node.branch("line", at);
			for (FixedField field : layout) {
				record.addLeaf(field.name(), line.substring(field.start() - 1, field.end()).trim(), at.withField(field.name()));
			}
			return record;
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		lines.close();
	}
}
