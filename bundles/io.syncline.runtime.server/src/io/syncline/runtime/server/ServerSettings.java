package io.syncline.runtime.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the runtime serves HTTP: where it listens (loopback by default), TLS from a PKCS#12 keystore if given, and the
 * limits that keep one caller from exhausting it: body and header sizes, concurrent event streams, the heartbeat of a
 * stream (more often than a client's read timeout) and how long a stop waits for requests in flight.
 */
public record ServerSettings(String host, int port, Path keystore, char[] keystorePassword, boolean insecureBind,
		long maxBodyBytes, int maxJsonBytes, int maxHeaderBytes, int maxStreams, Duration heartbeat,
		Duration stopGrace, int authFailuresPerMinute) {

	public static final int DEFAULT_PORT = 8470;

	/** Loopback, plain HTTP, the default limits; port 0 takes a free one. */
	public static ServerSettings loopback(int port) {
		return new ServerSettings("127.0.0.1", port, null, null, false, 64L << 20, 1 << 20, 16 << 10, 32,
				Duration.ofSeconds(15), Duration.ofSeconds(10), 10);
	}

	public ServerSettings bind(String value) {
		return new ServerSettings(value, port, keystore, keystorePassword, insecureBind, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, heartbeat, stopGrace, authFailuresPerMinute);
	}

	public ServerSettings tls(Path store, char[] password) {
		return new ServerSettings(host, port, store, password, insecureBind, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, heartbeat, stopGrace, authFailuresPerMinute);
	}

	/** Allows plain HTTP on an address other than loopback: only behind a proxy that terminates TLS. */
	public ServerSettings allowInsecureBind() {
		return new ServerSettings(host, port, keystore, keystorePassword, true, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, heartbeat, stopGrace, authFailuresPerMinute);
	}

	public ServerSettings limits(long body, int json, int streams) {
		return new ServerSettings(host, port, keystore, keystorePassword, insecureBind, body, json, maxHeaderBytes,
				streams, heartbeat, stopGrace, authFailuresPerMinute);
	}

	public ServerSettings heartbeatEvery(Duration value) {
		return new ServerSettings(host, port, keystore, keystorePassword, insecureBind, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, value, stopGrace, authFailuresPerMinute);
	}

	/** How many failed authentications an address may make in a minute before it is refused (429). */
	public ServerSettings authFailuresPerMinute(int value) {
		return new ServerSettings(host, port, keystore, keystorePassword, insecureBind, maxBodyBytes, maxJsonBytes,
				maxHeaderBytes, maxStreams, heartbeat, stopGrace, value);
	}

	public boolean tls() {
		return keystore != null;
	}
}
