package io.syncline.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.syncline.formats.csv.CsvRecordReader;
import io.syncline.formats.fixed.FixedWidthRecordReader;
import io.syncline.formats.json.JsonRecordReader;
import io.syncline.formats.x12.X12RecordReader;
import io.syncline.formats.xml.XmlRecordReader;

/** Opens a reader for a source, by its format (given, or from the file name). */
public final class Formats {

	private Formats() {
	}

	public static RecordReader open(Path file, SourceOptions options, ProblemSink problems) throws IOException {
		SourceFormat format = options.format() != null ? options.format()
				: SourceFormat.fromFileName(file.getFileName().toString());
		if (format == null) {
			throw new IllegalArgumentException(
					file.getFileName() + ": cannot tell the format from the name; give it (csv, json, jsonl, xml, x12, fixed)");
		}
		return open(Files.newInputStream(file), file.getFileName().toString(), options.withFormat(format), problems);
	}

	/** Reads from {@code in}, which the reader closes; {@code sourceName} names it in every location. */
	public static RecordReader open(InputStream in, String sourceName, SourceOptions options, ProblemSink problems)
			throws IOException {
		return switch (options.format()) {
		case CSV -> new CsvRecordReader(in, sourceName, options, problems);
		case JSON, JSONL -> new JsonRecordReader(in, sourceName, options, problems);
		case XML -> new XmlRecordReader(in, sourceName, options, problems);
		case X12 -> new X12RecordReader(in, sourceName, problems);
		case FIXED -> new FixedWidthRecordReader(in, sourceName, options, problems);
		};
	}
}
