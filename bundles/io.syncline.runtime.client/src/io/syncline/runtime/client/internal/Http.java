package io.syncline.runtime.client.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JavaType;

import io.syncline.runtime.api.AccessDeniedException;
import io.syncline.runtime.api.ConflictException;
import io.syncline.runtime.api.InvalidContentException;
import io.syncline.runtime.api.NotAuthenticatedException;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.api.PayloadTooLargeException;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.api.RuntimeUnavailableException;
import io.syncline.runtime.client.RemoteSettings;
import io.syncline.runtime.wire.Bodies;
import io.syncline.runtime.wire.Operation;
import io.syncline.runtime.wire.WireJson;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The calls of one remote runtime over OkHttp: URLs built from the {@link Operation} table, the bearer token in
 * its header (never in a URL), idempotent GETs tried again with backoff when the runtime is unreachable or busy,
 * and each error status turned into the typed exception the local runtime throws for the same cause.
 */
public final class Http {

	public static final MediaType JSON = MediaType.get("application/json");
	public static final MediaType BYTES = MediaType.get("application/octet-stream");

	private final RemoteSettings settings;
	private final OkHttpClient client;
	private final OkHttpClient reads;
	private final HttpUrl base;

	public Http(RemoteSettings settings) {
		this.settings = settings;
		this.base = HttpUrl.parse(settings.url());
		if (base == null) {
			throw new IllegalArgumentException("'" + settings.url() + "' is not an http(s) URL");
		}
		this.client = new OkHttpClient.Builder()
				.connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.callTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.retryOnConnectionFailure(false).build();
		// OkHttp's own retry sends a request again on a new connection when a kept one turns out dead (the server
		// closed it while idle: Jetty after its idle timeout, proxies sooner), which says nothing about the runtime;
		// only reads may be sent twice, so only they use it
		this.reads = client.newBuilder().retryOnConnectionFailure(true).build();
	}

	public OkHttpClient client() {
		return client;
	}

	public String url() {
		return settings.url();
	}

	public java.time.Duration connectTimeout() {
		return settings.connectTimeout();
	}

	/** The URL of a route with its path values and query (null values left out). */
	public HttpUrl url(Operation operation, Object[] path, Map<String, ?> query) {
		HttpUrl.Builder url = base.newBuilder().encodedPath(operation.pathOf(path));
		if (query != null) {
			query.forEach((name, value) -> {
				if (value != null) {
					url.addQueryParameter(name, String.valueOf(value));
				}
			});
		}
		return url.build();
	}

	public Request.Builder request(HttpUrl url) {
		return new Request.Builder().url(url).header("Authorization", "Bearer " + settings.token())
				.header("Accept", "application/json");
	}

	public <T> T get(Operation operation, Object[] path, Map<String, ?> query, JavaType type) {
		return read(execute(request(url(operation, path, query)).get().build(), true), type);
	}

	public byte[] getBytes(Operation operation, Object[] path) {
		try (Response response = execute(request(url(operation, path, null)).get().build(), true)) {
			return response.body().bytes();
		} catch (IOException e) {
			throw unreachable(e);
		}
	}

	/** A call that changes something, with a JSON body (or the raw bytes given), never retried. */
	public <T> T send(Operation operation, Object[] path, Map<String, ?> query, Object body, JavaType type) {
		RequestBody content;
		try {
			content = body instanceof byte[] bytes ? RequestBody.create(bytes, BYTES)
					: RequestBody.create(WireJson.mapper().writeValueAsBytes(body == null ? Map.of() : body), JSON);
		} catch (IOException e) {
			throw new IllegalArgumentException("cannot write the request: " + e.getMessage(), e);
		}
		Request request = request(url(operation, path, query)).method(operation.method(), content).build();
		Response response = execute(request, false);
		if (type == null) {
			response.close();
			return null;
		}
		return read(response, type);
	}

	private static <T> T read(Response response, JavaType type) {
		try (response; ResponseBody body = response.body()) {
			return WireJson.mapper().readValue(body.byteStream(), type);
		} catch (IOException e) {
			throw new RuntimeFailure("the runtime's answer cannot be read: " + e.getMessage(), e);
		}
	}

	/**
	 * Runs a request; a GET is tried again after 0.2 s, 0.4 s … when the runtime cannot be reached or is busy, and at
	 * once (by OkHttp, not counted as a try) when a kept connection the server had closed while idle failed it.
	 */
	public Response execute(Request request, boolean idempotent) {
		int attempts = idempotent ? Math.max(1, settings.getAttempts()) : 1;
		RuntimeException last = null;
		for (int attempt = 1; attempt <= attempts; attempt++) {
			try {
				Response response = (idempotent ? reads : client).newCall(request).execute();
				if (response.isSuccessful()) {
					return response;
				}
				RuntimeException failure = failure(response);
				if (!(failure instanceof RuntimeUnavailableException)) {
					throw failure;
				}
				last = failure;
			} catch (IOException e) {
				last = unreachable(e);
			}
			if (attempt < attempts) {
				try {
					Thread.sleep(200L << (attempt - 1));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		throw last;
	}

	private RuntimeUnavailableException unreachable(IOException e) {
		return new RuntimeUnavailableException("cannot reach the runtime at " + settings.url() + ": "
				+ RuntimeFailure.reasonOf(e), e);
	}

	/** The typed exception for an error answer, with the runtime's own reason. */
	static RuntimeException failure(Response response) {
		String detail;
		try (response; ResponseBody body = response.body()) {
			String text = body.string();
			try {
				detail = WireJson.mapper().readValue(text, Bodies.Problem.class).detail();
			} catch (IOException notAProblem) {
				detail = "HTTP " + response.code() + (text.isBlank() ? "" : ": " + text.strip());
			}
		} catch (IOException e) {
			detail = "HTTP " + response.code();
		}
		return switch (response.code()) {
		case 400 -> new IllegalArgumentException(detail);
		case 401 -> new NotAuthenticatedException("the runtime does not accept the token: " + detail);
		case 403 -> new AccessDeniedException(detail);
		case 404 -> new NotFoundException(detail);
		case 409 -> new ConflictException(detail);
		case 413 -> new PayloadTooLargeException(detail);
		case 422 -> new InvalidContentException(detail, null);
		case 429, 502, 503, 504 -> new RuntimeUnavailableException(detail);
		default -> new RuntimeFailure("the runtime failed: " + detail);
		};
	}

	/** Query parameters in order, nulls dropped later. */
	public static Map<String, Object> query(Object... namesAndValues) {
		Map<String, Object> query = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			query.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return query;
	}

	public void close() {
		client.dispatcher().executorService().shutdown();
		client.connectionPool().evictAll();
	}
}
