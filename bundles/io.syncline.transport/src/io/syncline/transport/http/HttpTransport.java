package io.syncline.transport.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * HTTP out (POST or PUT of each outbound document, see {@link HttpDelivery}) and REST polling in (see
 * {@link RestPolling}), over one OkHttp client. Headers come from {@code header.NAME} settings; credentials from the
 * secrets {@code authorization} (the whole Authorization header, such as {@code Bearer …}) or {@code apiKey} (sent
 * as {@code apiKeyHeader}, X-Api-Key unless told), never from settings, so they are sealed and never shown.
 */
public final class HttpTransport implements Transport.Polling, Transport.Delivering {

	private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

	@Override
	public EndpointKind kind() {
		return EndpointKind.HTTP;
	}

	@Override
	public List<Field> fields(Endpoint.Direction direction) {
		List<Field> fields = new ArrayList<>(List.of(
				new Field("url", true, false, direction == Endpoint.Direction.OUT
						? "where documents are sent; {name} becomes the document's name" : "the list to poll"),
				new Field("header.*", false, false, "a header to send, as header.NAME=VALUE"),
				new Field("apiKeyHeader", false, false, "the header the apiKey secret goes in, X-Api-Key unless told"),
				new Field("timeoutSeconds", false, false, "30 unless told"),
				new Field("attempts", false, false, "tries of one call, 4 unless told (Retry-After honoured)"),
				new Field("authorization", false, true, "the whole Authorization header, such as Bearer …"),
				new Field("apiKey", false, true, "an API key, sent in apiKeyHeader")));
		if (direction == Endpoint.Direction.OUT) {
			fields.add(new Field("method", false, false, "POST (the default) or PUT"));
			fields.add(new Field("contentType", false, false, "the body's type; from the name unless told"));
		} else {
			for (String[] field : new String[][] { { "itemsPath", "JSON pointer to the items' array; empty: the answer" },
					{ "idField", "JSON pointer to an item's id, /id unless told" },
					{ "versionField", "JSON pointer to an item's version (updated_at): a changed item is taken again" },
					{ "paging", "none, cursor or page" }, { "cursorParam", "query parameter of the cursor" },
					{ "nextCursorPath", "JSON pointer to the next cursor, /next_cursor unless told" },
					{ "pageParam", "query parameter of the page, page unless told" },
					{ "startPage", "the first page, 1 unless told" }, { "maxPages", "pages a poll reads, 20 unless told" },
					{ "sinceParam", "query parameter the watermark is sent in" },
					{ "watermarkField", "JSON pointer to an item's watermark (updated_at)" } }) {
				fields.add(new Field(field[0], false, false, field[1]));
			}
		}
		return fields;
	}

	@Override
	public Check check(Endpoint endpoint) {
		HttpUrl url = HttpUrl.parse(endpoint.setting("url").replace("{name}", "test"));
		if (url == null) {
			return new Check(false, "endpoint " + endpoint.id() + ": url is not an http(s) URL", List.of());
		}
		if (endpoint.direction() == Endpoint.Direction.IN) {
			String what = "endpoint " + endpoint.id() + ": GET " + shown(url.toString());
			Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
			authenticate(endpoint, request);
			try (Response response = client(endpoint).newCall(request.build()).execute()) {
				PartnerAnswers.check(response, what);
				return new Check(true, "GET " + shown(url.toString()) + " answered " + response.code()
						+ " (nothing was taken)", List.of());
			} catch (java.io.IOException | TransportException e) {
				return new Check(false, e.getMessage(), List.of());
			}
		}
		// sending a test document would deliver something: the check only reaches the host
		Request.Builder request = new Request.Builder().url(url).head();
		authenticate(endpoint, request);
		try (Response response = client(endpoint).newCall(request.build()).execute()) {
			return new Check(response.code() < 500, "HEAD " + shown(url.toString()) + " answered " + response.code()
					+ " (nothing was sent)", List.of());
		} catch (java.io.IOException e) {
			return new Check(false, "endpoint " + endpoint.id() + ": cannot reach " + shown(url.toString()) + ": "
					+ e.getMessage(), List.of());
		}
	}

	@Override
	public Polled poll(Endpoint endpoint, Receiver receiver) {
		return RestPolling.poll(client(endpoint), endpoint, receiver);
	}

	@Override
	public Delivered deliver(Endpoint endpoint, Outgoing document) {
		HttpDelivery.deliver(client(endpoint), endpoint, document);
		return Delivered.DONE;
	}

	private OkHttpClient client(Endpoint endpoint) {
		Duration timeout = Duration.ofSeconds(endpoint.intSetting("timeoutSeconds", 30));
		return client.newBuilder().callTimeout(timeout.multipliedBy(2)).readTimeout(timeout).connectTimeout(timeout)
				.build();
	}

	/** Adds the endpoint's headers and credentials to a request. */
	static void authenticate(Endpoint endpoint, Request.Builder request) {
		for (Map.Entry<String, String> setting : endpoint.settings().entrySet()) {
			if (setting.getKey().startsWith("header.")) {
				request.header(setting.getKey().substring("header.".length()), setting.getValue());
			}
		}
		endpoint.secret("authorization").ifPresent(value -> request.header("Authorization", value));
		endpoint.secret("apiKey").ifPresent(value -> request.header(endpoint.setting("apiKeyHeader", "X-Api-Key"), value));
	}

	/** A URL as it may be shown: without its query, which may carry a token. */
	static String shown(String url) {
		int query = url.indexOf('?');
		return query < 0 ? url : url.substring(0, query) + "?…";
	}

	@Override
	public void close() {
		client.dispatcher().executorService().shutdown();
		client.connectionPool().evictAll();
	}
}
