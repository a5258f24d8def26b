package io.syncline.formats.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.syncline.formats.ChildNames;
import io.syncline.formats.FormatException;
import io.syncline.formats.Node;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceLocation;
import io.syncline.formats.SourceOptions;

/**
 * Delimited text through FastCSV. One record per row, one child per column, named by the header (or {@code col1},
 * {@code col2} … without one). A row with too few or too many fields is reported with its line and skipped; an
 * unterminated quote or a field over the size cap ends the read.
 */
public final class CsvRecordReader implements RecordReader {

	static final String RECORD = "row";
	private static final int SNIFF_BYTES = 64 * 1024;

	private final String source;
	private final ProblemSink problems;
	private final CsvReader<CsvRecord> csv;
	private final Iterator<CsvRecord> rows;
	private final CsvDialect dialect;
	private final int maxFieldChars;
	private List<String> columns;
	private ChildNames layout;
	private long lastLine;

	public CsvRecordReader(InputStream in, String source, SourceOptions options, ProblemSink problems)
			throws IOException {
		this.source = source;
		this.problems = problems;
		this.maxFieldChars = options.maxFieldChars();
		BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
		buffered.mark(SNIFF_BYTES);
		byte[] sample = buffered.readNBytes(SNIFF_BYTES);
		buffered.reset();
		CsvDialect sniffed = CsvDialect.sniff(new String(sample, options.charset()));
		dialect = new CsvDialect(options.delimiter() != null ? options.delimiter() : sniffed.delimiter(),
				sniffed.quote(), options.header() != null ? options.header() : sniffed.header(), sniffed.crlf(),
				sniffed.bom());
		csv = CsvReader.builder().fieldSeparator(dialect.delimiter()).quoteCharacter(dialect.quote())
				.skipEmptyLines(true).allowMissingFields(true).allowExtraFields(true).allowUnclosedQuote(false)
				.detectBomHeader(true).maxBufferSize(Math.max(maxFieldChars * 2, 1024))
				.ofCsvRecord(buffered, options.charset() == null ? StandardCharsets.UTF_8 : options.charset());
		rows = csv.iterator();
	}

	public CsvDialect dialect() {
		return dialect;
	}

	@Override
	public Node next() throws IOException, FormatException {
		while (true) {
			CsvRecord row = nextRow();
			if (row == null) {
				return null;
			}
			if (columns == null) {
				columns = dialect.header() ? header(row) : numbered(row.getFieldCount());
				layout = new ChildNames(columns);
				if (dialect.header()) {
					continue;
				}
			}
			Node record = toRecord(row);
			if (record != null) {
				return record;
			}
		}
	}

	private CsvRecord nextRow() throws FormatException {
		try {
			if (!rows.hasNext()) {
				return null;
			}
			CsvRecord row = rows.next();
			lastLine = row.getStartingLineNumber();
			return row;
		} catch (CsvParseException | java.io.UncheckedIOException e) {
			String reason = e.getMessage() == null ? e.toString() : e.getMessage();
			String message = reason.contains("maxBufferSize") || reason.contains("buffer")
					? "a field is longer than the limit of " + maxFieldChars + " characters"
					: reason.toLowerCase().contains("quote") ? "unterminated quoted field" : reason;
			throw new FormatException(
					Problem.fatal("CSV_UNREADABLE", SourceLocation.ofLine(source, lastLine + 1), message), e);
		}
	}

	private Node toRecord(CsvRecord row) {
		SourceLocation at = SourceLocation.ofLine(source, row.getStartingLineNumber());
		int count = row.getFieldCount();
		if (count != columns.size()) {
			String detail = count < columns.size()
					? "missing " + columns.subList(count, columns.size())
					: (count - columns.size()) + " extra";
			problems.report(Problem.error("CSV_FIELD_COUNT", at, "row has " + count + " fields, the header has "
					+ columns.size() + " (" + detail + "); row skipped"));
			return null;
		}
		String[] values = new String[count];
		for (int i = 0; i < count; i++) {
			String value = row.getField(i);
			if (value.length() > maxFieldChars) {
				problems.report(Problem.error("CSV_FIELD_TOO_LONG", at.withField(columns.get(i)),
						"field is " + value.length() + " characters, over the limit of " + maxFieldChars + "; row skipped"));
				return null;
			}
			values[i] = value;
		}
		return Node.record(RECORD, at, layout, values);
	}

	private List<String> header(CsvRecord row) {
		List<String> names = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < row.getFieldCount(); i++) {
			String name = row.getField(i).trim();
			if (name.isEmpty()) {
				name = "col" + (i + 1);
			}
			if (!seen.add(name)) {
				String unique = name + "_" + (i + 1);
				for (int suffix = 2; !seen.add(unique); suffix++) {
					unique = name + "_" + (i + 1) + "_" + suffix;
				}
				problems.report(Problem.warning("CSV_DUPLICATE_COLUMN",
						SourceLocation.ofLine(source, row.getStartingLineNumber()).withField(name),
						"column name occurs twice; the later one is named " + unique));
				name = unique;
			}
			names.add(name);
		}
		return names;
	}

	private static List<String> numbered(int count) {
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			names.add("col" + i);
		}
		return names;
	}

	@Override
	public void close() throws IOException {
		csv.close();
	}
}
