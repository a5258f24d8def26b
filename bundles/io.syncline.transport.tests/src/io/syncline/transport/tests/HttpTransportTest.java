package io.syncline.transport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.syncline.testing.LoopbackHttpPartner;
import io.syncline.testing.LoopbackHttpPartner.Answer;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;
import io.syncline.transport.http.HttpTransport;

/** HTTP out and REST polling in, against a partner's Jetty on loopback. */
class HttpTransportTest {

	private LoopbackHttpPartner partner;
	private HttpTransport transport;

	@BeforeEach
	void start() throws Exception {
		partner = new LoopbackHttpPartner();
		transport = new HttpTransport();
	}

	@AfterEach
	void stop() throws Exception {
		transport.close();
		partner.close();
	}

	private Endpoint endpoint(Endpoint.Direction direction, Map<String, String> settings, Map<String, String> secrets) {
		return new Endpoint("harbor", "erp-http", "erp", direction, EndpointKind.HTTP, settings, secrets,
				Duration.ofSeconds(60), List.of(), true);
	}

	private static Transport.Outgoing document(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return new Transport.Outgoing("harbor-41", "po-45001.json", bytes.length, () -> new ByteArrayInputStream(bytes));
	}

	@Test
	void aDeliveryWaitsAsLongAsRetryAfterSaysAndRepeatsItsIdempotencyKey() {
		partner.then(new Answer(503, Map.of("Retry-After", "1"), "busy"), Answer.ok("{\"accepted\":true}"));
		Endpoint out = endpoint(Endpoint.Direction.OUT, Map.of("url", partner.url("/orders/{name}"),
				"header.X-Api-Version", "2"), Map.of("authorization", "Bearer erp-token-77"));

		transport.deliver(out, document("{\"po\":\"PO-45001\"}"));

		List<LoopbackHttpPartner.Received> got = partner.received();
		assertEquals(2, got.size(), "tried again after the 503");
		assertTrue(got.get(1).atNanos() - got.get(0).atNanos() >= Duration.ofMillis(950).toNanos(),
				"not before the second Retry-After asked for");
		for (LoopbackHttpPartner.Received request : got) {
			assertEquals("POST", request.method());
			assertEquals("/orders/po-45001.json", request.path());
			assertEquals("{\"po\":\"PO-45001\"}", request.text(), "the body is sent whole on every attempt");
			assertEquals("harbor-41", request.headers().get("Idempotency-Key"));
			assertEquals("Bearer erp-token-77", request.headers().get("Authorization"));
			assertEquals("2", request.headers().get("X-Api-Version"));
			assertEquals("application/json", request.headers().get("Content-Type"));
		}
	}

	@Test
	void aRefusalIsSaidWithItsStatusAndBodyAndNotTriedAgain() {
		partner.then(new Answer(400, Map.of(), "{\"error\":\"unknown item HS-999\"}"));
		Endpoint out = endpoint(Endpoint.Direction.OUT, Map.of("url", partner.url("/orders?token=s3cret")), Map.of());
		TransportException refused = assertThrows(TransportException.class,
				() -> transport.deliver(out, document("{}")));
		assertTrue(refused.getMessage().contains("HTTP 400") && refused.getMessage().contains("unknown item HS-999"),
				refused.getMessage());
		assertTrue(!refused.getMessage().contains("s3cret"), "a query, which may hold a token, is not shown");
		assertEquals(1, partner.received().size());
	}

	@Test
	void aLongRetryAfterIsLeftToTheRunnerNotWaitedOutInAThread() {
		partner.then(new Answer(429, Map.of("Retry-After", "120"), "slow down"));
		Endpoint out = endpoint(Endpoint.Direction.OUT, Map.of("url", partner.url("/orders")), Map.of());
		TransportException later = assertThrows(TransportException.class, () -> transport.deliver(out, document("{}")));
		assertEquals(Duration.ofSeconds(120), later.retryAfter());
		assertEquals(1, partner.received().size());
	}

	@Test
	void aCursorPagedListIsTakenItemByItemOnceAndTheCursorKept() {
		partner.otherwise(request -> {
			String query = String.valueOf(request.query());
			if (query.contains("cursor=c2")) {
				return Answer.ok("{\"orders\":[{\"id\":3,\"total\":30}],\"next_cursor\":null}");
			}
			return Answer.ok("{\"orders\":[{\"id\":1,\"total\":10},{\"id\":2,\"total\":20}],\"next_cursor\":\"c2\"}");
		});
		Endpoint in = endpoint(Endpoint.Direction.IN, Map.of("url", partner.url("/orders"), "itemsPath", "/orders",
				"paging", "cursor", "apiKeyHeader", "X-Shop-Key"), Map.of("apiKey", "k-123"));
		ClaimingReceiver received = new ClaimingReceiver();

		Transport.Polled first = transport.poll(in, received);
		assertEquals(3, first.taken());
		assertEquals("{\"id\":2,\"total\":20}", received.byName.get("erp-http-2.json"));
		assertEquals("c2", received.cursors.get("cursor"), "where the list stands is kept");
		assertEquals("k-123", partner.received().get(0).headers().get("X-Shop-Key"));

		Transport.Polled second = transport.poll(in, received);
		assertEquals(0, second.taken());
		assertEquals(1, second.seenBefore(), "the next poll starts at the kept cursor, and item 3 is claimed");
	}

	@Test
	void aWatermarkNeverSkipsAnItemThatSharesItsTimestamp() {
		Map<String, String> items = new HashMap<>();
		items.put("A", "2026-12-07T10:00:00Z");
		items.put("B", "2026-12-07T10:05:00Z");
		partner.otherwise(request -> {
			String since = request.query() == null ? "" : java.net.URLDecoder.decode(request.query()
					.replace("updated_min=", ""), StandardCharsets.UTF_8);
			StringBuilder json = new StringBuilder("[");
			items.entrySet().stream().filter(item -> item.getValue().compareTo(since) >= 0).sorted(Map.Entry
					.comparingByKey()).forEach(item -> json.append(json.length() > 1 ? "," : "").append("{\"id\":\"")
							.append(item.getKey()).append("\",\"updated_at\":\"").append(item.getValue()).append("\"}"));
			return Answer.ok(json.append("]").toString());
		});
		Endpoint in = endpoint(Endpoint.Direction.IN, Map.of("url", partner.url("/items"), "sinceParam", "updated_min",
				"watermarkField", "/updated_at", "versionField", "/updated_at"), Map.of());
		ClaimingReceiver received = new ClaimingReceiver();
		assertEquals(2, transport.poll(in, received).taken());
		assertEquals("2026-12-07T10:05:00Z", received.cursors.get("watermark"));

		items.put("C", "2026-12-07T10:05:00Z"); // committed late, with the watermark's own timestamp
		Transport.Polled next = transport.poll(in, received);
		assertEquals(1, next.taken(), "C is taken although its time is the watermark's");
		assertEquals(1, next.seenBefore(), "B comes again and its claim keeps it from applying twice");
		assertTrue(partner.received().get(1).query().contains("updated_min="), partner.received().get(1).query());
	}
}
