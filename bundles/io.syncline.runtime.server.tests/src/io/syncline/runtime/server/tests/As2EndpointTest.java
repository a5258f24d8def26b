package io.syncline.runtime.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.AuditQuery;
import io.syncline.runtime.api.EndpointConfig;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.testing.TestCertificates;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.SecretBox;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;
import io.syncline.transport.as2.As2Transport;

/**
 * BigBox sends its 850 to Harbor by AS2, over Harbor's Jetty on loopback: BigBox's side is the same AS2 code as a
 * second station, Harbor's is the served runtime with an AS2 endpoint in. The message is journaled before the
 * receipt, a repeat gets the first receipt and is not taken twice, a forged one is refused and audited.
 */
class As2EndpointTest {

	private static final TestCertificates HARBOR = TestCertificates.make("harbor", Duration.ofDays(365));
	private static final TestCertificates BIGBOX = TestCertificates.make("bigbox", Duration.ofDays(365));

	@TempDir
	Path database;

	private ServedHarbor served;
	private As2Transport bigbox;

	@BeforeAll
	static void secretsKey() {
		System.setProperty("syncline.secretsKey", SecretBox.newKey());
	}

	@AfterAll
	static void noSecretsKey() {
		System.clearProperty("syncline.secretsKey");
	}

	@BeforeEach
	void serve() throws Exception {
		served = new ServedHarbor(database, ServerSettings.loopback(0));
		served.runtime.saveEndpoint(EndpointConfig.of("bigbox-as2-in", "bigbox", "in", "as2", Map.of("as2From",
				"BIGBOXRETAIL", "as2To", "HARBORSUPPLY", "partnerCertificate", BIGBOX.pem()), null),
				Map.of("keyStore", HARBOR.keyStore(), "keyStorePassword", HARBOR.password()),
				"BigBox sends its orders by AS2");
		bigbox = new As2Transport();
	}

	@AfterEach
	void stop() {
		bigbox.close();
		served.close();
	}

	private Endpoint bigboxOut(TestCertificates signingAs) {
		return new Endpoint("bigbox", "harbor-as2", "harbor", Endpoint.Direction.OUT, EndpointKind.AS2,
				Map.of("url", served.server.url() + "/as2/harbor/bigbox-as2-in", "as2From", "BIGBOXRETAIL", "as2To",
						"HARBORSUPPLY", "partnerCertificate", HARBOR.pem(), "compress", "true"),
				Map.of("keyStore", signingAs.keyStore(), "keyStorePassword", signingAs.password()), Duration.ZERO,
				List.of(), true);
	}

	private Transport.Outgoing order(String id) throws Exception {
		byte[] order = Files.readAllBytes(Path.of(System.getProperty("syncline.demo"),
				"samples/edi/bigbox-850-customer-order.edi"));
		return new Transport.Outgoing(id, "bigbox-850.edi", order.length, () -> new java.io.ByteArrayInputStream(order));
	}

	private List<MessageSummary> cameThrough() {
		return served.runtime.journal(JournalQuery.all().withBusinessKey("bigbox-as2-in").pageSize(10)).items();
	}

	@Test
	void bigBoxsOrderIsKeptBeforeItsReceiptAndARepeatIsAnsweredButNotTakenAgain() throws Exception {
		bigbox.deliver(bigboxOut(BIGBOX), order("bb-850-7730021")); // returns once the signed receipt holds
		List<MessageSummary> kept = cameThrough();
		assertEquals(1, kept.size(), "journaled before the receipt went out");
		assertEquals("850", kept.get(0).documentType());
		assertEquals("bigbox", kept.get(0).partnerId());

		bigbox.deliver(bigboxOut(BIGBOX), order("bb-850-7730021"));
		assertEquals(1, cameThrough().size(), "the same Message-ID is not taken twice");

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (cameThrough().get(0).status().equals("RECEIVED") && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertTrue(!cameThrough().get(0).status().equals("RECEIVED"), "processed after the receipt");
		assertEquals(1L, served.runtime.endpoints().get(0).health().movedToday());
	}

	@Test
	void aMessageSignedWithAnotherKeyIsRefusedWithANegativeReceiptAndAudited() throws Exception {
		TransportException refused = assertThrows(TransportException.class,
				() -> bigbox.deliver(bigboxOut(TestCertificates.make("mallory", Duration.ofDays(30))), order("bb-x")));
		assertTrue(refused.getMessage().contains("integrity-check-failed"), refused.getMessage());
		assertEquals(0, cameThrough().size());
		assertEquals(1, served.runtime.audit(new AuditQuery(null, "as2.refused", "endpoint:bigbox-as2-in", null, null, 0,
				10)).items().size());
		assertEquals("FAILING", served.runtime.endpoints().get(0).health().state());
	}
}
