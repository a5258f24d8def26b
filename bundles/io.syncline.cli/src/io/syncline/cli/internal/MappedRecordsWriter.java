package io.syncline.cli.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.ecore.EObject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.syncline.formats.Problem;
import io.syncline.mapping.CanonicalJson;
import io.syncline.mapping.MapOutcome;

/**
 * Writes mapped records as they come, through a streaming generator, so nothing grows with the input.
 * <ul>
 * <li>JSON (the default): {@code {"records": [...], "problems": [...]}}. Problems come after every record, so they
 * wait in a temporary file, one per line, and are copied in at the end.</li>
 * <li>JSON Lines: one line per outcome in source order, {@code {"record": {...}}} or {@code {"problem": "..."}}.</li>
 * </ul>
 */
final class MappedRecordsWriter implements AutoCloseable {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final JsonGenerator json;
	private final boolean lines;
	private final Path problemsFile;
	private final BufferedWriter problems;

	MappedRecordsWriter(OutputStream target, boolean lines) throws IOException {
		this.lines = lines;
		this.json = MAPPER.getFactory().createGenerator(target);
		json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
		if (lines) {
			json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
			problemsFile = null;
			problems = null;
		} else {
			json.setPrettyPrinter(new DefaultPrettyPrinter());
			json.writeStartObject();
			json.writeArrayFieldStart("records");
			problemsFile = Files.createTempFile("syncline-map-problems", ".txt");
			problems = Files.newBufferedWriter(problemsFile, StandardCharsets.UTF_8);
		}
	}

	/** Writes one outcome: its record, if it made one, and its problems. */
	void write(MapOutcome outcome) {
		try {
			if (outcome.output() instanceof EObject object) {
				if (lines) {
					json.writeStartObject();
					json.writeFieldName("record");
					json.writeTree(CanonicalJson.toJson(object));
					json.writeEndObject();
				} else {
					json.writeTree(CanonicalJson.toJson(object));
				}
			}
			for (Problem problem : outcome.problems()) {
				if (lines) {
					json.writeStartObject();
					json.writeStringField("problem", problem.describe());
					json.writeEndObject();
				} else {
					// one per line: a described problem holds no line break
					problems.write(problem.describe().replace('\n', ' '));
					problems.newLine();
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			if (!lines) {
				json.writeEndArray();
				json.writeArrayFieldStart("problems");
				problems.close();
				try (BufferedReader read = Files.newBufferedReader(problemsFile, StandardCharsets.UTF_8)) {
					String line;
					while ((line = read.readLine()) != null) {
						json.writeString(line);
					}
				}
				json.writeEndArray();
				json.writeEndObject();
			}
			json.flush();
			if (lines) {
				json.writeRaw('\n');
				json.flush();
			}
		} finally {
			json.close();
			if (problemsFile != null) {
				problems.close();
				Files.deleteIfExists(problemsFile);
			}
		}
	}
}
