package io.syncline.runtime.client.internal;

import java.net.InetSocketAddress;
import java.net.Proxy;

import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Request;

/**
 * One try of a request, told by OkHttp's events whether it went out on a connection the pool had kept or on a new
 * one. A kept connection can have been closed by the server while it sat idle (Jetty closes one after its idle
 * timeout; proxies sooner); OkHttp only checks a kept connection's health before a call that sends a body, so a GET
 * on it fails at once. That failure says nothing about the runtime, so it is tried again at once on a new
 * connection, not after the backoff meant for a runtime that cannot be reached.
 */
final class Attempt {

	private volatile boolean acquired;
	private volatile boolean connected;

	/** The request, tagged so that {@link #events()} reports this attempt's connection to it. */
	static Request tagged(Request request, Attempt attempt) {
		return request.newBuilder().tag(Attempt.class, attempt).build();
	}

	/** Failed on a connection that was kept in the pool, not one this attempt opened. */
	boolean failedOnAKeptConnection() {
		return acquired && !connected;
	}

	static EventListener.Factory events() {
		return call -> {
			Attempt attempt = call.request().tag(Attempt.class);
			return attempt == null ? EventListener.NONE : attempt.listener();
		};
	}

	private EventListener listener() {
		return new EventListener() {
			@Override
			public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
				connected = true;
			}

			@Override
			public void connectionAcquired(Call call, Connection connection) {
				acquired = true;
			}
		};
	}
}
