package io.syncline.formats.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.syncline.formats.Node;

/**
 * Writes records as a JSON array (or JSON Lines), streaming: leaves become string fields, branches objects, and
 * children sharing a name become an array under that name, the way {@link JsonRecordReader} reads them.
 */
public final class JsonRecordWriter implements Closeable {

	private final JsonGenerator json;
	private final boolean lines;

	public JsonRecordWriter(OutputStream out, boolean jsonLines) throws IOException {
		this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
		this.lines = jsonLines;
		if (!lines) {
			json.writeStartArray();
		}
	}

	public void write(Node record) throws IOException {
		writeObject(record);
		if (lines) {
			json.writeRaw('\n');
		}
	}

	private void writeObject(Node node) throws IOException {
		json.writeStartObject();
		Map<String, List<Node>> byName = new LinkedHashMap<>();
		for (Node child : node.children()) {
			byName.computeIfAbsent(child.name(), k -> new java.util.ArrayList<>()).add(child);
		}
		for (Map.Entry<String, List<Node>> field : byName.entrySet()) {
			json.writeFieldName(field.getKey());
			if (field.getValue().size() == 1) {
				writeValue(field.getValue().get(0));
			} else {
				json.writeStartArray();
				for (Node element : field.getValue()) {
					writeValue(element);
				}
				json.writeEndArray();
			}
		}
		json.writeEndObject();
	}

	private void writeValue(Node node) throws IOException {
		if (node.isLeaf()) {
			if (node.value() == null) {
				json.writeNull();
			} else {
				json.writeString(node.value());
			}
		} else {
			writeObject(node);
		}
	}

	@Override
	public void close() throws IOException {
		if (!lines) {
			json.writeEndArray();
		}
		json.close();
	}
}
