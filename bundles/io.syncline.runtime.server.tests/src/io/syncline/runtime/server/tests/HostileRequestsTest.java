package io.syncline.runtime.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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

	@Test
	void guessingTokensIsRateLimitedPerAddress() throws Exception {
		try (RuntimeServer strict = RuntimeServer.start(ServerSettings.loopback(0), served.runtime, "test")) {
			HttpClient http = HttpClient.newHttpClient();
			int refusedAt = -1;
			for (int attempt = 1; attempt <= 12 && refusedAt < 0; attempt++) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(strict.url()
						+ "/api/v1/tenants")).header("Authorization", "Bearer syn_guess" + attempt).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 429) {
					refusedAt = attempt;
					assertTrue(response.headers().firstValue("Retry-After").isPresent());
				} else {
					assertEquals(401, response.statusCode());
				}
			}
			assertEquals(11, refusedAt, "ten failures a minute, then refused");
			HttpResponse<String> good = http.send(HttpRequest.newBuilder(URI.create(strict.url() + "/api/v1/tenants"))
					.header("Authorization", "Bearer " + served.harbor.get(Role.VIEWER)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertEquals(429, good.statusCode(), "even a good token waits out the minute from that address");
			assertTrue(served.audited("anonymous@127.0.0.1", "authentication-failed") >= 10,
					"failed authentications are audited");
		}
	}
}
