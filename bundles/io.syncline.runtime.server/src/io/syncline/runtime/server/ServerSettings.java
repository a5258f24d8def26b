package io.syncline.runtime.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the runtime serves HTTP: where it listens (loopback by default), TLS from a PKCS#12 keystore if given, and the
 * limits that keep one caller from exhausting it: body and header sizes, concurrent event streams, the heartbeat of a
 * stream (more often than a client's read timeout), how long a stop waits for requests in flight, how many failed
 * authentications an address or a token prefix may make in a minute, and which proxies are believed about the
 * client's address.
 */
public record ServerSettings(String host, int port, Path keystore, char[] keystorePassword, boolean insecureBind,
		long maxBodyBytes, int maxJsonBytes, int maxHeaderBytes, int maxStreams, Duration heartbeat,
		Duration stopGrace, int authFailuresPerMinute, java.util.List<String> trustedProxies) {

	public static final int DEFAULT_PORT = 8470;

	/** Loopback, plain HTTP, the default limits; port 0 takes a free one. */
	public static ServerSettings loopback(int port) {
		return new ServerSettings("127.0.0.1", port, null, null, false, 64L << 20, 1 << 20, 16 << 10, 32,
				Duration.ofSeconds(15), Duration.ofSeconds(10), 10, java.util.List.of());
	}

	public ServerSettings bind(String value) {
		return new ServerSettings(value, port, keystore, keystorePassword, insecureBind, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, heartbeat, stopGrace, authFailuresPerMinute, trustedProxies);
	}

	public ServerSettings tls(Path store, char[] password) {
		return new ServerSettings(host, port, store, password, insecureBind, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, heartbeat, stopGrace, authFailuresPerMinute, trustedProxies);
	}

	/** Allows plain HTTP on an address other than loopback: only behind a proxy that terminates TLS. */
	public ServerSettings allowInsecureBind() {
		return new ServerSettings(host, port, keystore, keystorePassword, true, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, heartbeat, stopGrace, authFailuresPerMinute, trustedProxies);
	}

	public ServerSettings limits(long body, int json, int streams) {
		return new ServerSettings(host, port, keystore, keystorePassword, insecureBind, body, json, maxHeaderBytes,
				streams, heartbeat, stopGrace, authFailuresPerMinute, trustedProxies);
	}

	public ServerSettings heartbeatEvery(Duration value) {
		return new ServerSettings(host, port, keystore, keystorePassword, insecureBind, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, value, stopGrace, authFailuresPerMinute, trustedProxies);
	}

	/** How many failed authentications an address may make in a minute before it is refused (429). */
	public ServerSettings authFailuresPerMinute(int value) {
		return new ServerSettings(host, port, keystore, keystorePassword, insecureBind, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, heartbeat, stopGrace, value, trustedProxies);
	}

	/**
	 * Proxies whose {@code X-Forwarded-For} or {@code Forwarded} header names the client, for limiting and the audit
	 * (addresses or CIDR ranges); from any other peer the headers are ignored.
	 */
	public ServerSettings trustedProxies(java.util.List<String> value) {
		return new ServerSettings(host, port, keystore, keystorePassword, insecureBind, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, heartbeat, stopGrace, authFailuresPerMinute, java.util.List.copyOf(value));
	}

	public boolean tls() {
		return keystore != null;
	}
}
