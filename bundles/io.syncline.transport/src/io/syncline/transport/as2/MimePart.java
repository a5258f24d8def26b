package io.syncline.transport.as2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One MIME entity of an AS2 message, kept as the exact bytes it was sent or received as: a signature and its MIC
 * are computed over those bytes, and a MIME library that re-writes headers or line ends on the way (a known cause of
 * MIC mismatches between AS2 stations) would break them. Only what AS2 needs is read: headers (folded lines
 * unfolded), a multipart's parts by boundary, and base64 or binary bodies.
 */
final class MimePart {

	private static final byte[] CRLF = { '\r', '\n' };

	private final byte[] raw;
	private final Map<String, String> headers;
	private final int bodyStart;

	private MimePart(byte[] raw, Map<String, String> headers, int bodyStart) {
		this.raw = raw;
		this.headers = headers;
		this.bodyStart = bodyStart;
	}

	/** An entity from its bytes: headers, an empty line, the body. */
	static MimePart parse(byte[] raw) {
		Map<String, String> headers = new LinkedHashMap<>();
		int at = 0;
		String last = null;
		while (at < raw.length) {
			int end = lineEnd(raw, at);
			if (end == at) { // the empty line
				at = next(raw, end);
				return new MimePart(raw, headers, at);
			}
			String line = new String(raw, at, end - at, StandardCharsets.ISO_8859_1);
			if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
				headers.put(last, headers.get(last) + " " + line.strip());
			} else if (line.contains(":")) {
				last = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
				headers.put(last, line.substring(line.indexOf(':') + 1).strip());
			}
			at = next(raw, end);
		}
		return new MimePart(raw, headers, raw.length); // headers only
	}

	/** A new entity with these headers (in order) and body, written with CRLF line ends. */
	static MimePart of(Map<String, String> headers, byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
		headers.forEach((name, value) -> {
			out.writeBytes((name + ": " + value).getBytes(StandardCharsets.ISO_8859_1));
			out.writeBytes(CRLF);
		});
		out.writeBytes(CRLF);
		out.writeBytes(body);
		return parse(out.toByteArray());
	}

	/** The entity's exact bytes. */
	byte[] raw() {
		return raw.clone();
	}

	String header(String name) {
		return headers.get(name.toLowerCase(Locale.ROOT));
	}

	/** The content type without its parameters, lower case. */
	String type() {
		String type = header("content-type");
		String bare = type == null ? "" : type.contains(";") ? type.substring(0, type.indexOf(';')) : type;
		// RFC 2045, 5.2: an entity without a (usable) type is text/plain
		return bare.isBlank() ? "text/plain" : bare.strip().toLowerCase(Locale.ROOT);
	}

	/** A parameter of the content type (such as boundary or smime-type), unquoted; null if absent. */
	String parameter(String name) {
		String type = header("content-type");
		if (type == null) {
			return null;
		}
		for (String part : type.split(";")) {
			int equals = part.indexOf('=');
			if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase(name)) {
				String value = part.substring(equals + 1).strip();
				return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
						? value.substring(1, value.length() - 1) : value;
			}
		}
		return null;
	}

	/** The body as sent (still encoded). */
	byte[] body() {
		byte[] body = new byte[raw.length - bodyStart];
		System.arraycopy(raw, bodyStart, body, 0, body.length);
		return body;
	}

	/** The body decoded from its transfer encoding (base64, or binary as it is). */
	byte[] decoded() {
		String encoding = header("content-transfer-encoding");
		if (encoding != null && encoding.strip().equalsIgnoreCase("base64")) {
			try {
				return Base64.getMimeDecoder().decode(body());
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("a " + type() + " part says it is base64 but is not (" + e.getMessage()
						+ ")");
			}
		}
		return body();
	}

	/** A multipart's parts, each as its exact bytes between the boundaries (the CRLF before a boundary excluded). */
	List<MimePart> parts() {
		String boundary = parameter("boundary");
		if (boundary == null) {
			throw new IllegalArgumentException("a " + type() + " without a boundary");
		}
		byte[] body = body();
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		List<MimePart> parts = new ArrayList<>();
		int start = -1;
		int at = 0;
		while (at <= body.length - delimiter.length) {
			boolean lineStart = at == 0 || body[at - 1] == '\n';
			if (lineStart && matches(body, at, delimiter)) {
				int afterDelimiter = at + delimiter.length;
				if (start >= 0) {
					int end = at;
					if (end > start && body[end - 1] == '\n') {
						end--;
					}
					if (end > start && body[end - 1] == '\r') {
						end--;
					}
					byte[] part = new byte[end - start];
					System.arraycopy(body, start, part, 0, part.length);
					parts.add(parse(part));
				}
				if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
					return parts;
				}
				start = next(body, lineEnd(body, afterDelimiter));
				at = start;
				continue;
			}
			at++;
		}
		throw new IllegalArgumentException("a multipart whose closing boundary is missing");
	}

	private static boolean matches(byte[] data, int at, byte[] what) {
		for (int i = 0; i < what.length; i++) {
			if (data[at + i] != what[i]) {
				return false;
			}
		}
		return true;
	}

	/** The index of the CR or LF ending the line that starts at {@code from} (or the data's end). */
	private static int lineEnd(byte[] data, int from) {
		int at = from;
		while (at < data.length && data[at] != '\r' && data[at] != '\n') {
			at++;
		}
		return at;
	}

	/** The start of the line after the line end at {@code end}. */
	private static int next(byte[] data, int end) {
		if (end < data.length && data[end] == '\r') {
			end++;
		}
		if (end < data.length && data[end] == '\n') {
			end++;
		}
		return end;
	}

	/** Bytes of a multipart: each part's raw bytes between boundary lines, closed by the final boundary. */
	static byte[] multipart(String boundary, List<byte[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.writeBytes(part);
			out.writeBytes(CRLF);
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

	/** Base64 in lines of 76 characters, as MIME bodies carry it. */
	static byte[] base64(byte[] data) {
		return Base64.getMimeEncoder(76, CRLF).encode(data);
	}
}
