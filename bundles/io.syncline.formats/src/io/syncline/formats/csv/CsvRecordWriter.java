package io.syncline.formats.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.syncline.formats.Node;

/**
 * Writes flat records as CSV through FastCSV: the columns are fixed by the first record's leaves (or given), written
 * as a header; later records fill them by name, absent values as empty fields. Quoting follows RFC 4180.
 */
public final class CsvRecordWriter implements Closeable {

	private final CsvWriter csv;
	private List<String> columns;

	public CsvRecordWriter(OutputStream out, char delimiter, List<String> columns) {
		this.csv = CsvWriter.builder().fieldSeparator(delimiter).lineDelimiter(LineDelimiter.CRLF)
				.build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		this.columns = columns == null || columns.isEmpty() ? null : List.copyOf(columns);
		if (this.columns != null) {
			csv.writeRecord(this.columns);
		}
	}

	public void write(Node record) {
		if (columns == null) {
			List<String> names = new ArrayList<>();
			record.children().forEach(c -> names.add(c.name()));
			columns = List.copyOf(names);
			csv.writeRecord(columns);
		}
		List<String> values = new ArrayList<>(columns.size());
		for (String column : columns) {
			Node field = record.child(column);
			values.add(field == null || field.value() == null ? "" : field.value());
		}
		csv.writeRecord(values);
	}

	@Override
	public void close() throws IOException {
		csv.close();
	}
}
