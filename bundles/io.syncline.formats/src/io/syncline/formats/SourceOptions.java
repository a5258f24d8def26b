package io.syncline.formats;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.syncline.formats.fixed.FixedField;

/**
 * How to read a source. Null means "detect" where detection exists: the CSV delimiter and header, the format from
 * the file name.
 *
 * @param recordPath for JSON a path such as {@code /orders/*}, for XML {@code /InventorySnapshot/Position}
 * @param numberLocale how numbers are written in the source, e.g. {@code de-DE} for decimal commas
 * @param maxFieldChars a field or JSON string longer than this is an error, so one giant value cannot exhaust memory
 */
public record SourceOptions(SourceFormat format, String recordPath, Charset charset, Character delimiter,
		Boolean header, Locale numberLocale, int maxFieldChars, List<FixedField> fixedLayout) {

	public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 20;

	public static SourceOptions defaults() {
		return new SourceOptions(null, null, StandardCharsets.UTF_8, null, null, Locale.ROOT, DEFAULT_MAX_FIELD_CHARS,
				List.of());
	}

	public static SourceOptions of(SourceFormat format) {
		return defaults().withFormat(format);
	}

	public SourceOptions withFormat(SourceFormat newFormat) {
		return new SourceOptions(newFormat, recordPath, charset, delimiter, header, numberLocale, maxFieldChars,
				fixedLayout);
	}

	public SourceOptions withRecordPath(String newRecordPath) {
		return new SourceOptions(format, newRecordPath, charset, delimiter, header, numberLocale, maxFieldChars,
				fixedLayout);
	}

	public SourceOptions withDelimiter(Character newDelimiter) {
		return new SourceOptions(format, recordPath, charset, newDelimiter, header, numberLocale, maxFieldChars,
				fixedLayout);
	}

	public SourceOptions withHeader(Boolean newHeader) {
		return new SourceOptions(format, recordPath, charset, delimiter, newHeader, numberLocale, maxFieldChars,
				fixedLayout);
	}

	public SourceOptions withNumberLocale(Locale newLocale) {
		return new SourceOptions(format, recordPath, charset, delimiter, header, newLocale, maxFieldChars,
				fixedLayout);
	}

	public SourceOptions withMaxFieldChars(int newMax) {
		return new SourceOptions(format, recordPath, charset, delimiter, header, numberLocale, newMax, fixedLayout);
	}

	public SourceOptions withFixedLayout(List<FixedField> newLayout) {
		return new SourceOptions(format, recordPath, charset, delimiter, header, numberLocale, maxFieldChars,
				List.copyOf(newLayout));
	}
}
