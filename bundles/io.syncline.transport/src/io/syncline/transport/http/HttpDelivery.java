package io.syncline.transport.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.syncline.transport.Endpoint;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * Delivers one outbound document by HTTP POST or PUT to the endpoint's URL ({@code {name}} in it becomes the
 * document's name), streamed from the journal on every attempt, with the endpoint's headers and its
 * {@code Idempotency-Key} the same on every attempt, so a partner that keeps them applies a repeated delivery once.
 */
final class HttpDelivery {

	private HttpDelivery() {
	}

	static void deliver(OkHttpClient client, Endpoint endpoint, Transport.Outgoing document) {
		String method = endpoint.setting("method", "POST").toUpperCase(Locale.ROOT);
		if (!method.equals("POST") && !method.equals("PUT")) {
			throw new TransportException("endpoint " + endpoint.id() + ": method '" + method + "': POST or PUT");
		}
		String url = endpoint.setting("url").replace("{name}",
				URLEncoder.encode(document.name(), StandardCharsets.UTF_8));
		MediaType type = MediaType.parse(endpoint.setting("contentType", contentType(document.name())));
		String what = "endpoint " + endpoint.id() + ": " + method + " " + document.name() + " to " + HttpTransport.shown(url);
		PartnerAnswers.call(PartnerAnswers.retry(endpoint), what, () -> {
			Request.Builder request = new Request.Builder().url(url).method(method, streamed(type, document))
					.header("Idempotency-Key", document.id()).header("X-Syncline-Document", document.name());
			HttpTransport.authenticate(endpoint, request);
			try (Response response = client.newCall(request.build()).execute()) {
				PartnerAnswers.check(response, what);
			}
			return null;
		});
	}

	/** The document's content, opened afresh for each attempt. */
	private static RequestBody streamed(MediaType type, Transport.Outgoing document) {
		return new RequestBody() {
			@Override
			public MediaType contentType() {
				return type;
			}

			@Override
			public long contentLength() {
				return document.size();
			}

			@Override
			public void writeTo(BufferedSink sink) throws IOException {
				try (InputStream in = document.content().open(); Source source = Okio.source(in)) {
					sink.writeAll(source);
				}
			}
		};
	}

	static String contentType(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".json") || lower.endsWith(".jsonl")) {
			return "application/json";
		}
		if (lower.endsWith(".xml")) {
			return "application/xml";
		}
		if (lower.endsWith(".csv")) {
			return "text/csv";
		}
		if (lower.endsWith(".edi") || lower.endsWith(".x12")) {
			return "application/edi-x12";
		}
		return "application/octet-stream";
	}
}
