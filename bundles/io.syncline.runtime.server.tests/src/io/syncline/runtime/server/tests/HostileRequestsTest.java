package io.syncline.runtime.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.Role;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;

/**
 * Bodies and requests an attacker or a broken client sends: malformed, oversized and deeply nested JSON, wrong
 * types, unknown fields, tokens in the URL, huge headers, guessing tokens. Each gets 400, 413, 431 or 429 with a
 * problem, never a 500, and changes nothing.
 */
class HostileRequestsTest {

	@TempDir
	static Path database;

	private static ServedHarbor served;
	private static String decide;

	@BeforeAll
	static void serve() throws Exception {
		served = new ServedHarbor(database, ServerSettings.loopback(0).limits(1 << 20, 4096, 4));
		decide = "/api/v1/tenants/harbor/exceptions/" + served.harborException + "/decision";
	}

	@AfterAll
	static void stop() {
		served.close();
	}

	private static HttpResponse<String> post(String path, String json) throws Exception {
		return served.call("POST", path, served.harbor.get(Role.OPERATOR), "application/json",
				json.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertProblem(int status, HttpResponse<String> response, String words) {
		assertEquals(status, response.statusCode(), response.body());
		assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
		assertTrue(response.body().contains(words), "the problem says " + words + ": " + response.body());
		assertTrue(!response.body().contains("\tat ") && !response.body().contains("io.syncline"),
				"no stack trace, no class names: " + response.body());
	}

	@Test
	void malformedJsonIsABadRequestThatSaysWhere() throws Exception {
		assertProblem(400, post(decide, "{\"decision\": \"ACCEPT\", \"reason\": "), "line 1");
		assertProblem(400, post(decide, "{\"decision\": \"ACCEPT\"} trailing"), "cannot be read");
		assertProblem(400, post(decide, ""), "empty");
	}

	@Test
	void unknownFieldsAndWrongTypesAreRefused() throws Exception {
		assertProblem(400, post(decide, "{\"decision\": \"ACCEPT\", \"reason\": \"r\", \"actor\": \"root\"}"),
				"unknown field 'actor'");
		assertProblem(400, post(decide, "{\"decision\": 5, \"reason\": \"r\"}"), "decision");
		assertProblem(400, post(decide, "{\"decision\": \"MAYBE\", \"reason\": \"r\"}"), "decision");
		assertProblem(400, post("/api/v1/tenants/harbor/exceptions/retries", "{\"exceptionIds\": \"all\"}"),
				"exceptionIds");
		assertProblem(400, post(decide, "[]"), "cannot be read");
		assertEquals("OPEN", served.runtime.exception(served.harborException).exception().state(),
				"nothing was decided");
	}

	@Test
	void deepNestingAndOversizedBodiesAreRefusedBeforeTheyCost() throws Exception {
		String deep = "{\"decision\": \"ACCEPT\", \"reason\": \"r\", \"x\": " + "[".repeat(2000) + "]".repeat(2000) + "}";
		HttpResponse<String> nested = post(decide, deep);
		assertTrue(nested.statusCode() == 400 || nested.statusCode() == 413, nested.statusCode() + " " + nested.body());
		assertProblem(413, post(decide, "{\"reason\": \"" + "x".repeat(5000) + "\"}"), "4096");
		// a declared length over the limit is refused from the headers, before a byte of the body is read
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", served.server.port())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(("POST /api/v1/tenants/harbor/messages?partner=wms&source=big.bin HTTP/1.1\r\n"
					+ "Host: 127.0.0.1\r\nAuthorization: Bearer " + served.harbor.get(Role.OPERATOR) + "\r\n"
					+ "Content-Type: application/octet-stream\r\nContent-Length: " + ((1 << 20) + 1) + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertEquals("HTTP/1.1 413", answer, "413 with no body sent");
		}
		// a body that does not say its length is read up to the limit, then refused
		assertProblem(413, chunked((1 << 20) + 1), "1048576");
		assertProblem(400, served.call("POST", decide, served.harbor.get(Role.OPERATOR), "text/plain",
				"{}".getBytes(StandardCharsets.UTF_8)), "application/json");
	}

	/** A body sent chunked, without a length, one byte over the limit, whole before the answer is read. */
	private static HttpResponse<String> chunked(int size) throws Exception {
		byte[] body = new byte[size];
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(served.server.url()
				+ "/api/v1/tenants/harbor/messages?partner=wms&source=big.bin"))
				.header("Authorization", "Bearer " + served.harbor.get(Role.OPERATOR))
				.header("Content-Type", "application/octet-stream")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aTokenInTheUrlIsNeverAccepted() throws Exception {
		String token = served.harbor.get(Role.VIEWER);
		assertProblem(400, served.get("/api/v1/tenants/harbor/messages?access_token=" + token, null), "never accepted");
		assertProblem(400, served.get("/api/v1/tenants/harbor/messages?partner=" + token, token), "never accepted");
	}

	@Test
	void unknownRoutesAndMethodsAreTold() throws Exception {
		String token = served.harbor.get(Role.VIEWER);
		assertProblem(404, served.get("/api/v1/tenants/harbor/nothing", token), "no route");
		assertProblem(405, served.call("DELETE", "/api/v1/tenants/harbor/messages", token, null, null), "DELETE");
		assertProblem(404, served.get("/api/v1/tenants/harbor/exceptions/999999", token), "no exception 999999");
	}

	@Test
	void aHugeHeaderIsRefused() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create(served.server.url() + "/health")).header("X-Junk", "j".repeat(40_000)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertEquals(431, response.statusCode());
	}

	/**
	 * A flood of bad tokens from one address (a misconfigured script, or every user of an office behind one NAT or
	 * proxy) is refused there after ten a minute, but a valid token from that same address is still served.
	 */
	@Test
	void guessingFromOneAddressIsLimitedButValidTokensThereAreServed() throws Exception {
		try (RuntimeServer strict = RuntimeServer.start(ServerSettings.loopback(0), served.runtime, "test")) {
			assertEquals(11, refusedAt(strict, attempt -> "syn_guess" + attempt + "xxxxxxxx", attempt -> null),
					"ten failures a minute, then refused");
			assertEquals(200, send(strict, served.harbor.get(Role.VIEWER), null).statusCode(),
					"a valid token from that address is served");
			assertEquals(429, send(strict, null, null).statusCode(), "a request without one is still refused");
			assertTrue(served.audited("anonymous@127.0.0.1", "authentication-failed") >= 10,
					"failed authentications are audited");
		}
	}

	/** Guessing one token's secret from many addresses (each a client a trusted proxy names) stays limited too. */
	@Test
	void guessingOneTokenIsLimitedWhateverTheAddress() throws Exception {
		try (RuntimeServer proxied = RuntimeServer.start(ServerSettings.loopback(0)
				.trustedProxies(List.of("127.0.0.1")), served.runtime, "test")) {
			int refusedAt = refusedAt(proxied, attempt -> "syn_AAAAAAAA" + attempt, attempt -> "198.51.100." + attempt);
			assertEquals(11, refusedAt, "ten failures of one token prefix a minute, then refused");
		}
	}

	/**
	 * Behind a trusted proxy every request comes from the proxy's address; the client it names is the one limited
	 * and audited, and another client behind the same proxy is not held up.
	 */
	@Test
	void behindATrustedProxyTheClientItNamesIsLimitedAndAudited() throws Exception {
		try (RuntimeServer proxied = RuntimeServer.start(ServerSettings.loopback(0)
				.trustedProxies(List.of("127.0.0.0/8", "10.0.0.0/8")), served.runtime, "test")) {
			assertEquals(11, refusedAt(proxied, attempt -> "syn_x" + attempt + "yyyyyyyyyy",
					attempt -> "203.0.113.7, 10.1.2.3"), "the client, past a second trusted proxy, is limited");
			assertEquals(401, send(proxied, "syn_other-client-token", "203.0.113.8").statusCode(),
					"another client behind the same proxy is not");
			assertTrue(served.audited("anonymous@203.0.113.7", "authentication-failed") >= 10,
					"the audit names the client, not the proxy");
			HttpResponse<String> forwarded = http().send(HttpRequest.newBuilder(URI.create(proxied.url()
					+ "/api/v1/tenants")).header("Authorization", "Bearer syn_rfc7239-client-token")
					.header("Forwarded", "for=\"[2001:db8::17]:4711\";proto=https").build(),
					HttpResponse.BodyHandlers.ofString());
			assertEquals(401, forwarded.statusCode());
			assertTrue(served.audited("anonymous@2001:db8:0:0:0:0:0:17", "authentication-failed") >= 1,
					"a client named in a Forwarded header (RFC 7239) is audited by its address");
		}
	}

	/** From a peer that is not a trusted proxy, a forged X-Forwarded-For changes nothing: the peer is limited. */
	@Test
	void aForgedForwardedHeaderFromAnUntrustedPeerChangesNothing() throws Exception {
		try (RuntimeServer strict = RuntimeServer.start(ServerSettings.loopback(0).trustedProxies(List.of("10.0.0.0/8")),
				served.runtime, "test")) {
			assertEquals(11, refusedAt(strict, attempt -> "syn_forged" + attempt + "zzzzzzz",
					attempt -> "192.0.2." + attempt), "limited by its own address, whatever it claims");
		}
	}

	/** Sends bad tokens until one is refused with 429 (asserting 401 before it); the attempt refused, or -1. */
	private static int refusedAt(RuntimeServer server, java.util.function.IntFunction<String> token,
			java.util.function.IntFunction<String> forwardedFor) throws Exception {
		for (int attempt = 1; attempt <= 12; attempt++) {
			HttpResponse<String> response = send(server, token.apply(attempt), forwardedFor.apply(attempt));
			if (response.statusCode() == 429) {
				assertTrue(response.headers().firstValue("Retry-After").isPresent());
				return attempt;
			}
			assertEquals(401, response.statusCode(), response.body());
		}
		return -1;
	}

	private static HttpResponse<String> send(RuntimeServer server, String token, String forwardedFor)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/tenants"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return http().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpClient http() {
		return HttpClient.newHttpClient();
	}
}
