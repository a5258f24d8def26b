package io.syncline.transport.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.syncline.transport.Endpoint;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Polls a partner's REST list: each item of the array at {@code itemsPath} (a JSON pointer; empty for a top-level
 * array) is one document, journaled under its {@code idField} (and {@code versionField}, so a changed item is taken
 * again) with that key's claim. Paging by {@code cursor} (the next cursor read at {@code nextCursorPath}, sent as
 * {@code cursorParam}, stored after each page) or by {@code page} (sent as {@code pageParam} until a page is empty),
 * at most {@code maxPages} a poll; the rest is backlog. With {@code sinceParam} and {@code watermarkField}, the
 * newest watermark seen is stored once its items are journaled and sent on the next poll; items at the watermark
 * itself come again and their claims keep them from applying twice, so an item sharing a timestamp with the last
 * one read is never skipped.
 */
final class RestPolling {

	private static final ObjectMapper JSON = new ObjectMapper();

	private RestPolling() {
	}

	static Transport.Polled poll(OkHttpClient client, Endpoint endpoint, Transport.Receiver receiver) {
		String paging = endpoint.setting("paging", "none").toLowerCase(Locale.ROOT);
		if (!java.util.List.of("none", "cursor", "page").contains(paging)) {
			throw new TransportException("endpoint " + endpoint.id() + ": paging '" + paging + "': none, cursor or page");
		}
		int maxPages = Math.max(1, endpoint.intSetting("maxPages", 20));
		String watermarkField = endpoint.setting("watermarkField", null);
		String since = endpoint.setting("sinceParam", null) == null ? null : receiver.cursor("watermark").orElse(null);
		String newest = since;
		String cursor = paging.equals("cursor") ? receiver.cursor("cursor").orElse(null) : null;
		int page = endpoint.intSetting("startPage", 1);
		int taken = 0;
		int seen = 0;
		boolean more = false;
		for (int pages = 0; pages < maxPages; pages++) {
			JsonNode answer = get(client, endpoint, since, cursor, paging.equals("page") ? page : null);
			JsonNode items = answer.at(endpoint.setting("itemsPath", ""));
			if (!items.isArray()) {
				throw new TransportException("endpoint " + endpoint.id() + ": no array at itemsPath '"
						+ endpoint.setting("itemsPath", "") + "' in the answer");
			}
			for (JsonNode item : items) {
				String key = key(endpoint, item);
				if (receiver.seen(key)) {
					seen++;
				} else if (receive(receiver, key, endpoint.id() + "-" + safe(key) + ".json", item) >= 0) {
					taken++;
				} else {
					seen++;
				}
				if (watermarkField != null) {
					newest = later(newest, item.at(watermarkField).asText(null));
				}
			}
			if (paging.equals("cursor")) {
				String next = answer.at(endpoint.setting("nextCursorPath", "/next_cursor")).asText(null);
				if (next == null || next.isEmpty() || next.equals(cursor)) {
					break;
				}
				cursor = next;
				receiver.cursor("cursor", next);
				more = pages == maxPages - 1;
			} else if (paging.equals("page") && items.size() > 0) {
				page++;
				more = pages == maxPages - 1;
			} else {
				break;
			}
		}
		if (newest != null && !newest.equals(since)) {
			receiver.cursor("watermark", newest);
		}
		return new Transport.Polled(taken, seen, more ? 1 : 0);
	}

	private static JsonNode get(OkHttpClient client, Endpoint endpoint, String since, String cursor, Integer page) {
		HttpUrl base = HttpUrl.parse(endpoint.setting("url"));
		if (base == null) {
			throw new TransportException("endpoint " + endpoint.id() + ": url is not an http(s) URL");
		}
		HttpUrl.Builder url = base.newBuilder();
		if (since != null) {
			url.setQueryParameter(endpoint.setting("sinceParam"), since);
		}
		if (cursor != null) {
			url.setQueryParameter(endpoint.setting("cursorParam", "cursor"), cursor);
		}
		if (page != null) {
			url.setQueryParameter(endpoint.setting("pageParam", "page"), page.toString());
		}
		HttpUrl target = url.build();
		String what = "endpoint " + endpoint.id() + ": GET " + HttpTransport.shown(target.toString());
		return PartnerAnswers.call(PartnerAnswers.retry(endpoint), what, () -> {
			Request.Builder request = new Request.Builder().url(target).header("Accept", "application/json");
			HttpTransport.authenticate(endpoint, request);
			try (Response response = client.newCall(request.build()).execute()) {
				PartnerAnswers.check(response, what);
				try (InputStream body = response.body().byteStream()) {
					return JSON.readTree(body);
				} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
					throw new PartnerAnswers.Final(what + ": the answer is not JSON (" + e.getOriginalMessage() + ")");
				}
			}
		});
	}

	private static String key(Endpoint endpoint, JsonNode item) {
		String id = item.at(endpoint.setting("idField", "/id")).asText(null);
		if (id == null || id.isEmpty()) {
			throw new TransportException("endpoint " + endpoint.id() + ": an item has no id at idField '"
					+ endpoint.setting("idField", "/id") + "'");
		}
		String versionField = endpoint.setting("versionField", null);
		String version = versionField == null ? null : item.at(versionField).asText(null);
		return version == null ? id : id + "|" + version;
	}

	private static long receive(Transport.Receiver receiver, String key, String name, JsonNode item) {
		try {
			return receiver.receive(key, name, new ByteArrayInputStream(JSON.writeValueAsBytes(item)));
		} catch (IOException e) {
			throw new TransportException("cannot keep item " + key + ": " + e.getMessage(), e);
		}
	}

	/** The later of two watermarks: as numbers when both are, else as text (ISO-8601 times sort as text). */
	static String later(String a, String b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		try {
			return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) >= 0 ? a : b;
		} catch (NumberFormatException notNumbers) {
			return a.compareTo(b) >= 0 ? a : b;
		}
	}

	private static String safe(String key) {
		String safe = key.replaceAll("[^A-Za-z0-9._-]", "_");
		return safe.length() > 80 ? safe.substring(0, 80) : safe;
	}
}
