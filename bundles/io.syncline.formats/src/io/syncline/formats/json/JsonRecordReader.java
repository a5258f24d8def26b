package io.syncline.formats.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import io.syncline.formats.FormatException;
import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceLocation;
import io.syncline.formats.SourceOptions;

/**
 * JSON through Jackson's streaming parser, so only one record is in memory at a time. The record path names the
 * array whose elements are the records ({@code /orders/*}); without one the whole document is one record. In JSON
 * Lines every top-level value is a record. Scalar fields met on the way to the record array (such as
 * {@code supplier}) form the records' context, reachable as {@code ../supplier}.
 */
public final class JsonRecordReader implements RecordReader {

	private static final int MAX_NESTING = 64;
	private static final int MAX_NUMBER_CHARS = 100;

	/**
	 * Factories by field limit, shared: a factory is thread-safe, and its table of field names outlives each parser,
	 * so the names of a feed are decoded once, not once per document. A factory per document, its name table built
	 * anew and every name decoded again, was a quarter of the cost of mapping a one-line event message.
	 */
	private static final Map<Integer, JsonFactory> FACTORIES = new ConcurrentHashMap<>();

	private final String source;
	private final JsonParser parser;
	private final boolean lines;
	private final String[] steps;
	private final Node context;
	private boolean inRecordArray;
	private boolean done;

	public JsonRecordReader(InputStream in, String source, SourceOptions options, ProblemSink problems)
			throws IOException {
		this.source = source;
		this.lines = options.format() == SourceFormat.JSONL;
		this.parser = FACTORIES.computeIfAbsent(options.maxFieldChars(), JsonRecordReader::factory).createParser(in);
		String path = options.recordPath();
		if (path != null && !path.isBlank()) {
			NodePath.compile(path); // rejects malformed paths early
			String body = path.startsWith("/") ? path.substring(1) : path;
			steps = body.split("/");
			if (!"*".equals(steps[steps.length - 1])) {
				throw new IllegalArgumentException("a JSON record path ends in /* (the array of records): " + path);
			}
		} else {
			steps = new String[0];
		}
		context = Node.branch("$", SourceLocation.ofFile(source));
	}

	private static JsonFactory factory(int maxFieldChars) {
		return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
				.maxStringLength(maxFieldChars).maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_CHARS).build())
				.build();
	}

	@Override
	public Node next() throws IOException, FormatException {
		if (done) {
			return null;
		}
		try {
			if (lines || steps.length == 0) {
				return nextTopLevel();
			}
			if (!inRecordArray && !advanceToRecordArray()) {
				done = true;
				return null;
			}
			JsonToken token = parser.nextToken();
			if (token == JsonToken.END_ARRAY || token == null) {
				done = true;
				return null;
			}
			Node record = readValue("record", token);
			record.setContext(context);
			return record;
		} catch (JsonProcessingException e) {
			throw new FormatException(Problem.fatal("JSON_UNREADABLE", locate(e.getLocation()), e.getOriginalMessage()), e);
		}
	}

	private Node nextTopLevel() throws IOException {
		JsonToken token = parser.nextToken();
		if (token == null) {
			done = true;
			return null;
		}
		if (!lines) {
			done = true;
		}
		Node record = readValue("record", token);
		record.setContext(context);
		return record;
	}

	/** Walks down the record path, collecting scalar fields on the way as context. */
	private boolean advanceToRecordArray() throws IOException, FormatException {
		JsonToken token = parser.nextToken();
		for (int depth = 0; depth < steps.length - 1; depth++) {
			if (token != JsonToken.START_OBJECT) {
				throw new FormatException(Problem.fatal("JSON_RECORD_PATH", locate(parser.currentLocation()),
						"expected an object on the way to the records at /" + String.join("/", steps) + ", found " + token));
			}
			if (!findField(steps[depth])) {
				return false;
			}
			token = parser.nextToken();
		}
		if (token != JsonToken.START_ARRAY) {
			throw new FormatException(Problem.fatal("JSON_RECORD_PATH", locate(parser.currentLocation()),
					"expected the array of records at /" + String.join("/", steps) + ", found " + token));
		}
		inRecordArray = true;
		return true;
	}

	private boolean findField(String wanted) throws IOException {
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = parser.currentName();
			if (name.equals(wanted)) {
				return true;
			}
			JsonToken value = parser.nextToken();
			if (value.isScalarValue()) {
				context.addLeaf(name, value == JsonToken.VALUE_NULL ? null : parser.getText(), here());
			} else {
				parser.skipChildren();
			}
		}
		return false;
	}

	private Node readValue(String name, JsonToken token) throws IOException {
		SourceLocation at = here().withPath(parser.getParsingContext().pathAsPointer().toString());
		if (token == JsonToken.START_OBJECT) {
			Node node = Node.branch(name, at);
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				if (value == JsonToken.START_ARRAY) {
					JsonToken element;
					while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
						node.add(readValue(field, element));
					}
				} else {
					node.add(readValue(field, value));
				}
			}
			return node;
		}
		if (token == JsonToken.START_ARRAY) {
			Node node = Node.branch(name, at);
			JsonToken element;
			while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
				node.add(readValue("item", element));
			}
			return node;
		}
		return new Node(name, token == JsonToken.VALUE_NULL ? null : parser.getText(), at);
	}

	private SourceLocation here() {
		return locate(parser.currentTokenLocation());
	}

	private SourceLocation locate(JsonLocation location) {
		return location == null ? SourceLocation.ofFile(source) : SourceLocation.ofLine(source, location.getLineNr());
	}

	@Override
	public void close() throws IOException {
		parser.close();
	}
}
