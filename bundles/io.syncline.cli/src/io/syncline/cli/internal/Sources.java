package io.syncline.cli.internal;

import java.nio.file.Path;

import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;

/** Source options from a file name and the command line, with the record paths of the Harbor formats as defaults. */
final class Sources {

	private Sources() {
	}

	static SourceOptions options(Path file, String recordPath) {
		SourceFormat format = SourceFormat.fromFileName(file.getFileName().toString());
		if (format == null) {
			throw new IllegalArgumentException(file.getFileName() + ": cannot tell the format from the file name");
		}
		SourceOptions options = SourceOptions.of(format);
		if (recordPath != null) {
			return options.withRecordPath(recordPath);
		}
		if (format == SourceFormat.XML) {
			throw new IllegalArgumentException("XML needs --record-path, e.g. /InventorySnapshot/Position");
		}
		if (format == SourceFormat.JSON) {
			throw new IllegalArgumentException("JSON needs --record-path, e.g. /orders/*");
		}
		return options;
	}
}
