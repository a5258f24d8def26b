package io.syncline.runtime.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.syncline.runtime.api.PayloadTooLargeException;
import io.syncline.runtime.wire.WireJson;

/** One request and its response: path and query parameters, a body read within its limit, an answer written once. */
final class Exchange {

	private final Request request;
	private final Response response;
	private final Callback callback;
	private final Map<String, String> path;
	private final Fields query;
	private boolean answered;
	private boolean bodyRead;

	Exchange(Request request, Response response, Callback callback, Map<String, String> path) {
		this.request = request;
		this.response = response;
		this.callback = callback;
		this.path = path;
		this.query = Request.extractQueryParameters(request);
	}

	Request request() {
		return request;
	}

	Response response() {
		return response;
	}

	Callback callback() {
		return callback;
	}

	String path(String name) {
		return path.get(name);
	}

	long pathId() {
		return Long.parseLong(path.get("id"));
	}

	String query(String name) {
		String value = query.getValue(name);
		return value == null || value.isEmpty() ? null : value;
	}

	String requireQuery(String name) {
		String value = query(name);
		if (value == null) {
			throw new IllegalArgumentException("query parameter '" + name + "' is required");
		}
		return value;
	}

	long queryLong(String name, long otherwise) {
		String value = query(name);
		try {
			return value == null ? otherwise : Long.parseLong(value);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("query parameter '" + name + "': '" + value + "' is not a number");
		}
	}

	int queryInt(String name, int otherwise) {
		long value = queryLong(name, otherwise);
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("query parameter '" + name + "': " + value + " is out of range");
		}
		return (int) value;
	}

	boolean queryFlag(String name) {
		String value = query(name);
		if (value == null) {
			return false;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw new IllegalArgumentException("query parameter '" + name + "': true or false, not '" + value + "'");
		}
		return Boolean.parseBoolean(value);
	}

	String header(String name) {
		return request.getHeaders().get(name);
	}

	/** The body, refused with 413 past {@code limit} bytes, whether the client declared its length or not. */
	byte[] body(long limit) throws IOException {
		long declared = request.getLength();
		if (declared > limit) {
			throw new PayloadTooLargeException("the body is " + declared + " bytes; this runtime takes up to " + limit);
		}
		bodyRead = true;
		ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
		try (InputStream in = Content.Source.asInputStream(request)) {
			byte[] chunk = new byte[64 * 1024];
			long total = 0;
			for (int read; (read = in.read(chunk)) >= 0;) {
				total += read;
				if (total > limit) {
					throw new PayloadTooLargeException("the body is over " + limit + " bytes, which this runtime takes");
				}
				body.write(chunk, 0, read);
			}
		}
		return body.toByteArray();
	}

	/** As {@link #json(Class, int)}, or null for a request without a body. */
	<T> T optionalJson(Class<T> type, int limit) throws IOException {
		String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
		if (contentType == null && request.getLength() <= 0) {
			return null;
		}
		return json(type, limit);
	}

	/** The body as JSON of the given type; malformed JSON, unknown fields and wrong types are the caller's 400. */
	<T> T json(Class<T> type, int limit) throws IOException {
		String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
		if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
			throw new IllegalArgumentException("the body must be application/json, not " + contentType);
		}
		byte[] body = body(limit);
		if (body.length == 0) {
			throw new IllegalArgumentException("the body is empty; a JSON " + type.getSimpleName() + " is expected");
		}
		try {
			T value = WireJson.mapper().readValue(body, type);
			if (value == null) {
				throw new IllegalArgumentException("the body is null; a JSON " + type.getSimpleName() + " is expected");
			}
			return value;
		} catch (JsonProcessingException e) {
			throw new BadJson(e);
		}
	}

	/**
	 * Reads and discards a small body nobody read, so that a refusal answered before the body arrived does not
	 * close the connection under a client still writing it (a broken pipe instead of the 401 it should see). A
	 * larger body is not worth reading for a refusal: the connection is closed after the answer, and says so.
	 */
	void discardUnreadBody(long limit) {
		if (bodyRead) {
			return;
		}
		bodyRead = true;
		long declared = request.getLength();
		if (declared == 0) {
			return;
		}
		if (declared > limit) {
			response.getHeaders().put(HttpHeader.CONNECTION, "close");
			return;
		}
		try (InputStream in = Content.Source.asInputStream(request)) {
			byte[] chunk = new byte[8192];
			long total = 0;
			for (int read; (read = in.read(chunk)) >= 0;) {
				total += read;
				if (total > limit) {
					response.getHeaders().put(HttpHeader.CONNECTION, "close");
					return;
				}
			}
		} catch (IOException e) {
			response.getHeaders().put(HttpHeader.CONNECTION, "close");
		}
	}

	void ok(Object value) throws IOException {
		send(200, "application/json", WireJson.mapper().writeValueAsBytes(value));
	}

	void created(Object value) throws IOException {
		send(201, "application/json", WireJson.mapper().writeValueAsBytes(value));
	}

	void noContent() {
		answered = true;
		response.setStatus(204);
		response.write(true, null, callback);
	}

	void send(int status, String contentType, byte[] content) {
		answered = true;
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
		response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
		response.getHeaders().put("X-Content-Type-Options", "nosniff");
		response.write(true, ByteBuffer.wrap(content), callback);
	}

	boolean answered() {
		return answered || response.isCommitted();
	}

	/** JSON that could not be read, with Jackson's reason and where, never the body's content. */
	static final class BadJson extends IllegalArgumentException {
		private static final long serialVersionUID = 1L;

		BadJson(JsonProcessingException cause) {
			super("the JSON body cannot be read: " + reason(cause) + (cause.getLocation() == null ? ""
					: " (line " + cause.getLocation().getLineNr() + ", column " + cause.getLocation().getColumnNr()
							+ ")"),
					cause);
		}

		/** Jackson's reason without the names of our classes. */
		private static String reason(JsonProcessingException cause) {
			if (cause instanceof UnrecognizedPropertyException unknown) {
				return "unknown field '" + unknown.getPropertyName() + "'";
			}
			if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
				StringBuilder field = new StringBuilder();
				for (var reference : mismatched.getPath()) {
					field.append(field.length() == 0 ? "" : ".")
							.append(reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]");
				}
				return "field '" + field + "' has the wrong type or is missing";
			}
			if (cause instanceof MismatchedInputException) {
				return "the body must be a JSON object of the fields this call takes";
			}
			return cause.getOriginalMessage();
		}
	}
}
