package io.syncline.runtime.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.syncline.runtime.api.AuditQuery;
import io.syncline.runtime.api.EndpointConfig;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.runtime.wire.WireJson;
import io.syncline.transport.webhook.WebhookSignatures;

/**
 * Webhooks in, over a real Jetty on loopback: signed deliveries journaled before the answer and processed after,
 * a redelivery answered and not taken twice, forgeries refused and audited, and the limits a route without a token
 * needs (size, rate, refusals per address). The web shop signs the Shopify way; a second endpoint the Standard
 * Webhooks way.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.syncline.testing.SecretsKeyForTests.class)
class WebhookTest {

	private static final String SHOP_SECRET = "shpss_5b0e2f9c1d";
	private static final byte[] STANDARD_KEY = "a-32-byte-key-for-standard-hooks".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path database;

	private ServedHarbor served;
	private final HttpClient http = HttpClient.newHttpClient();
	private byte[] orders;


	@BeforeEach
	void serve() throws Exception {
		served = new ServedHarbor(database, ServerSettings.loopback(0));
		orders = Files.readAllBytes(Path.of(System.getProperty("syncline.demo"), "samples/shop-orders.json"));
		served.runtime.saveEndpoint(EndpointConfig.of("shop-hooks", "shop", "in", "webhook",
				Map.of("signature", "shopify", "name", "shop-orders-{id}.json", "maxBytes", "200000"), null),
				Map.of("signingSecret", SHOP_SECRET), "the web shop pushes its orders");
		served.runtime.saveEndpoint(EndpointConfig.of("wms-hooks", "wms", "in", "webhook",
				Map.of("signature", "standard", "ratePerSecond", "3"), null),
				Map.of("signingSecret", "whsec_" + Base64.getEncoder().encodeToString(STANDARD_KEY)), "the WMS pushes");
	}

	@AfterEach
	void stop() {
		served.close();
	}

	private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(served.server.url() + path))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> shopify(String deliveryId, byte[] body, String secret) throws Exception {
		return post("/hooks/harbor/shop-hooks", body, Map.of("X-Shopify-Hmac-Sha256",
				WebhookSignatures.sign(secret.getBytes(StandardCharsets.UTF_8), body), "X-Shopify-Webhook-Id",
				deliveryId));
	}

	private HttpResponse<String> standard(String id, long timestamp, byte[] body) throws Exception {
		byte[] signed = (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8);
		return post("/hooks/harbor/wms-hooks", body, Map.of("webhook-id", id, "webhook-timestamp",
				Long.toString(timestamp), "webhook-signature", "v1,bm90IHRoaXMgb25l v1," + WebhookSignatures.sign(
						STANDARD_KEY, signed)));
	}

	private List<MessageSummary> cameThrough(String endpoint) {
		return served.runtime.journal(JournalQuery.all().withBusinessKey(endpoint).pageSize(50)).items();
	}

	@Test
	void aSignedDeliveryIsKeptBeforeTheAnswerProcessedAfterAndNeverTakenTwice() throws Exception {
		HttpResponse<String> first = shopify("d-1001", orders, SHOP_SECRET);
		assertEquals(200, first.statusCode(), first.body());
		JsonNode answer = WireJson.mapper().readTree(first.body());
		long message = answer.get("message").asLong();
		List<MessageSummary> kept = cameThrough("shop-hooks");
		assertEquals(1, kept.size(), "journaled before the answer");
		assertEquals(message, kept.get(0).id());
		assertEquals("shop-orders-d-1001.json", kept.get(0).sourceName());

		HttpResponse<String> again = shopify("d-1001", orders, SHOP_SECRET);
		assertEquals(200, again.statusCode(), "a redelivery is answered, so the shop stops retrying");
		assertTrue(WireJson.mapper().readTree(again.body()).get("duplicate").asBoolean());
		assertEquals(1, cameThrough("shop-hooks").size(), "and not taken again");

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String status = "RECEIVED";
		while (status.equals("RECEIVED") && System.nanoTime() < deadline) {
			Thread.sleep(50);
			status = cameThrough("shop-hooks").get(0).status();
		}
		assertEquals("APPLIED", status, "processed after the answer");
		EndpointConfig endpoint = served.runtime.endpoints().stream()
				.filter(e -> e.endpointId().equals("shop-hooks")).findFirst().orElseThrow();
		assertEquals(1, endpoint.health().movedToday());
	}

	@Test
	void aForgeryIsRefusedAuditedAndShownAndTheSecretIsNeverAnswered() throws Exception {
		HttpResponse<String> forged = shopify("d-666", orders, "guessed-secret");
		assertEquals(401, forged.statusCode());
		assertTrue(forged.body().contains("does not match the body"), forged.body());
		assertFalse(forged.body().contains(SHOP_SECRET));
		byte[] tampered = new String(orders, StandardCharsets.UTF_8).replace("\"quantity\": 34", "\"quantity\": 340")
				.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> changed = post("/hooks/harbor/shop-hooks", tampered, Map.of("X-Shopify-Hmac-Sha256",
				WebhookSignatures.sign(SHOP_SECRET.getBytes(StandardCharsets.UTF_8), orders)));
		assertEquals(401, changed.statusCode(), "a body changed on the way does not match its signature");
		assertEquals(0, cameThrough("shop-hooks").size());
		assertEquals(2, served.runtime.audit(new AuditQuery(null, "webhook.refused", "endpoint:shop-hooks", null, null,
				0, 10)).items().size());
		EndpointConfig endpoint = served.runtime.endpoints().stream()
				.filter(e -> e.endpointId().equals("shop-hooks")).findFirst().orElseThrow();
		assertEquals("FAILING", endpoint.health().state());
		assertTrue(endpoint.health().lastError().contains("refused"), endpoint.health().lastError());
	}

	@Test
	void standardWebhooksAreCheckedWithTheirTimestampAndAnyOfTheirSignatures() throws Exception {
		byte[] event = ("{\"eventId\": \"hook-1\", \"type\": \"RECEIPT\", \"item\": \"HS-100101\", \"warehouse\": "
				+ "\"ATL\", \"qty\": 1, \"uom\": \"EA\", \"at\": \"2026-12-07T10:00:00Z\"}\n")
				.getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();
		assertEquals(200, standard("msg_2Kx1", now, event).statusCode(), "one of the two signatures matches");
		HttpResponse<String> stale = standard("msg_2Kx2", now - 600, event);
		assertEquals(401, stale.statusCode());
		assertTrue(stale.body().contains("5 minutes"), stale.body());
		assertEquals(1, cameThrough("wms-hooks").size());
	}

	@Test
	void aRouteWithoutATokenHasLimitsOfItsOwn() throws Exception {
		HttpResponse<String> unknownTenant = shopify("d-1", orders, SHOP_SECRET);
		assertEquals(200, unknownTenant.statusCode());
		HttpResponse<String> noTenant = post("/hooks/nobody/shop-hooks", orders, Map.of());
		HttpResponse<String> noEndpoint = post("/hooks/harbor/nothing", orders, Map.of());
		HttpResponse<String> otherTenant = post("/hooks/northstar/shop-hooks", orders, Map.of());
		assertEquals(404, noTenant.statusCode());
		assertEquals(noTenant.body(), noEndpoint.body(), "an unknown tenant and an unknown endpoint look the same");
		assertEquals(noTenant.body(), otherTenant.body(), "another tenant's endpoint is not there");

		byte[] large = new byte[200_001];
		assertEquals(413, shopify("d-big", large, SHOP_SECRET).statusCode());

		int limited = 0;
		for (int i = 0; i < 8; i++) {
			HttpResponse<String> response = standard("msg_rate" + i, Instant.now().getEpochSecond(), new byte[] { '{', '}' });
			if (response.statusCode() == 429) {
				limited++;
				assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
			}
		}
		assertTrue(limited >= 4, "3 a second are taken, the rest answered 429: " + limited);

		for (int i = 0; i < 20; i++) {
			assertEquals(401, shopify("forged-" + i, orders, "guess-" + i).statusCode());
		}
		HttpResponse<String> blocked = shopify("d-2", orders, SHOP_SECRET);
		assertEquals(429, blocked.statusCode(), "an address that sent 20 forgeries in a minute waits");
		assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
	}
}
