package io.syncline.formats.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceOptions;

/** The Harbor sample files (bundles/io.syncline.demo/samples), and helpers to read sources in tests. */
final class Samples {

	private Samples() {
	}

	static Path file(String name) {
		String dir = System.getProperty("syncline.samples");
		if (dir == null) {
			throw new IllegalStateException("system property syncline.samples is not set (see the parent pom)");
		}
		Path path = Path.of(dir, name);
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException("sample missing: " + path);
		}
		return path;
	}

	static String text(String name) throws IOException {
		return Files.readString(file(name), StandardCharsets.UTF_8);
	}

	static List<Node> readAll(Path file, SourceOptions options, ProblemSink problems)
			throws IOException, FormatException {
		try (RecordReader reader = Formats.open(file, options, problems)) {
			return drain(reader);
		}
	}

	static List<Node> readAll(String content, String name, SourceOptions options, ProblemSink problems)
			throws IOException, FormatException {
		try (RecordReader reader = Formats.open(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
				name, options, problems)) {
			return drain(reader);
		}
	}

	static List<Node> drain(RecordReader reader) throws IOException, FormatException {
		List<Node> records = new ArrayList<>();
		Node record;
		while ((record = reader.next()) != null) {
			records.add(record);
		}
		return records;
	}
}
