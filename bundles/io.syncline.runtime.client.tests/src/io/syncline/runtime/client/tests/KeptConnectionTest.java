package io.syncline.runtime.client.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.syncline.runtime.api.RuntimeUnavailableException;
import io.syncline.runtime.client.RemoteSettings;
import io.syncline.runtime.client.internal.Http;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * A server that closes a kept-alive connection as soon as it has answered on it, as Jetty does once a connection has
 * sat idle past its timeout (and proxies do sooner): the client's next GET finds the connection dead. Real sockets on
 * loopback; one try only, so that nothing passes by the backoff meant for an unreachable runtime.
 */
class KeptConnectionTest {

	private final AtomicInteger connections = new AtomicInteger();
	private ServerSocket server;
	private Http http;

	/** A peer on loopback: each connection answers its first request (or none) and is then closed by the peer. */
	private String peer(boolean answers) throws IOException {
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accepting = new Thread(() -> {
			while (!server.isClosed()) {
				try (Socket socket = server.accept()) {
					connections.incrementAndGet();
					BufferedReader request = new BufferedReader(
							new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
					for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
						// the request's head, which a GET ends with an empty line
					}
					if (answers) {
						OutputStream out = socket.getOutputStream();
						out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
								.getBytes(StandardCharsets.US_ASCII));
						out.flush();
					}
				} catch (IOException closed) {
					return;
				}
			}
		}, "peer");
		accepting.setDaemon(true);
		accepting.start();
		return "http://127.0.0.1:" + server.getLocalPort();
	}

	private Http oneTry(String url) {
		http = new Http(new RemoteSettings(url, "token", null, Duration.ofSeconds(5), Duration.ofSeconds(5),
				Duration.ofSeconds(10), 1));
		return http;
	}

	private static int get(Http http) throws IOException {
		try (Response response = http.execute(http.request(HttpUrl.get(http.url() + "/api/v1/version")).get().build(),
				true)) {
			return response.code();
		}
	}

	@AfterEach
	void close() throws IOException {
		if (http != null) {
			http.close();
		}
		server.close();
	}

	@Test
	void aGetOnAKeptConnectionTheServerClosedIsSentAgainOnANewOne() throws IOException {
		Http client = oneTry(peer(true));
		assertEquals(200, get(client));
		assertEquals(200, get(client), "the second GET went out on the closed connection, then on a new one");
		assertEquals(200, get(client));
		assertEquals(3, connections.get(), "each GET after the first found its kept connection closed");
	}

	@Test
	void aNewConnectionThatFailsIsNotSentAgainBeyondTheTriesAllowed() throws IOException {
		Http client = oneTry(peer(false));
		RuntimeUnavailableException failure = assertThrows(RuntimeUnavailableException.class, () -> get(client));
		assertEquals(1, connections.get(), "a connection opened for the call and failing is the runtime's failure: "
				+ failure.getMessage());
	}
}
