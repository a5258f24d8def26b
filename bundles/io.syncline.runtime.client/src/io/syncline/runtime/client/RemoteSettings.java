package io.syncline.runtime.client;

import java.time.Duration;

/**
 * Where a remote runtime is and how to talk to it: its base URL, the bearer token to act as, the tenant to start in
 * (null: the token's own, or the first it sees), and the timeouts that keep a dead or slow runtime from holding a
 * caller: connect, read (longer than the server's event heartbeat) and the whole call.
 */
public record RemoteSettings(String url, String token, String tenant, Duration connectTimeout, Duration readTimeout,
		Duration callTimeout, int getAttempts) {

	public static RemoteSettings of(String url, String token) {
		return new RemoteSettings(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, token, null,
				Duration.ofSeconds(5), Duration.ofSeconds(45), Duration.ofSeconds(120), 3);
	}

	public RemoteSettings inTenant(String value) {
		return new RemoteSettings(url, token, value, connectTimeout, readTimeout, callTimeout, getAttempts);
	}

	public RemoteSettings timeouts(Duration connect, Duration read, Duration call) {
		return new RemoteSettings(url, token, tenant, connect, read, call, getAttempts);
	}

	@Override
	public String toString() {
		return "RemoteSettings[" + url + ", tenant " + tenant + "]"; // never the token
	}
}
