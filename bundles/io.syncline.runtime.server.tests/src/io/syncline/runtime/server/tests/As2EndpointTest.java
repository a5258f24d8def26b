package io.syncline.runtime.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
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
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;
import io.syncline.transport.as2.As2Transport;

/**
 * BigBox sends its 850 to Harbor by AS2, over Harbor's Jetty on loopback: BigBox's side is the same AS2 code as a
 * second station, Harbor's is the served runtime with an AS2 endpoint in. The message is journaled before the
 * receipt, a repeat gets the first receipt and is not taken twice, a forged one is refused and audited.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.syncline.testing.SecretsKeyForTests.class)
class As2EndpointTest {

	private static final TestCertificates HARBOR = TestCertificates.make("harbor", Duration.ofDays(365));
	private static final TestCertificates BIGBOX = TestCertificates.make("bigbox", Duration.ofDays(365));

	@TempDir
	Path database;

	private ServedHarbor served;
	private As2Transport bigbox;


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
	void harborsDocumentsAreDeliveredWhenTheirAsynchronousReceiptsComeAndSetAsideWhenNoneDoes() throws Exception {
		io.syncline.testing.LoopbackHttpPartner station = new io.syncline.testing.LoopbackHttpPartner();
		java.util.concurrent.atomic.AtomicBoolean answers = new java.util.concurrent.atomic.AtomicBoolean(true);
		java.util.Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();
		station.otherwise(request -> {
			Endpoint in = new Endpoint("bigbox", "harbor-as2", "harbor", Endpoint.Direction.IN, EndpointKind.AS2,
					Map.of("as2From", "HARBORSUPPLY", "as2To", "BIGBOXRETAIL", "partnerCertificate", HARBOR.pem()),
					Map.of("keyStore", BIGBOX.keyStore(), "keyStorePassword", BIGBOX.password()), Duration.ZERO,
					List.of(), true);
			var outcome = io.syncline.transport.as2.As2Receiving.receive(in, request.headers()::get, request.body(),
					memory(taken));
			if (outcome.asyncUrl() != null && answers.get()) {
				new Thread(() -> {
					try {
						java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
								java.net.URI.create(outcome.asyncUrl())).header("Content-Type",
										outcome.receipt().contentType())
								.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(outcome.receipt().body()))
								.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
					} catch (Exception e) {
						throw new IllegalStateException(e);
					}
				}).start();
			}
			return new io.syncline.testing.LoopbackHttpPartner.Answer(200, Map.of(), "");
		});
		try {
			served.runtime.saveEndpoint(EndpointConfig.of("bigbox-as2-out", "bigbox", "out", "as2", Map.of("url",
					station.url("/as2"), "as2From", "HARBORSUPPLY", "as2To", "BIGBOXRETAIL", "partnerCertificate",
					BIGBOX.pem(), "mdn", "async", "asyncMdnUrl", served.server.url() + "/as2/harbor/bigbox-as2-out",
					"mdnTimeoutMinutes", "0"), null), Map.of("keyStore", HARBOR.keyStore(), "keyStorePassword",
							HARBOR.password()), "Harbor's documents to BigBox by AS2");
			io.syncline.testing.Harbor.submit(served.runtime, "erp", "samples/erp-items.csv");
			io.syncline.testing.Harbor.submit(served.runtime, "bigbox", "samples/edi/bigbox-850-customer-order.edi");
			var runner = new io.syncline.runtime.local.EndpointRunner(served.runtime,
					io.syncline.runtime.local.PartnerLanes.DIRECT);
			var sent = runner.runNow("bigbox-as2-out");
			assertTrue(sent.delivered() >= 2, "the 855 and the 997 went out: " + sent);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (awaiting("DELIVERED") < sent.delivered() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertEquals(sent.delivered(), awaiting("DELIVERED"), "each delivered when its signed receipt came");

			answers.set(false); // BigBox stops answering
			// the same order again: refused as a duplicate, but its group still gets a 997 to send
			io.syncline.testing.Harbor.submit(served.runtime, "bigbox", "samples/edi/bigbox-850-customer-order.edi");
			runner.runNow("bigbox-as2-out");
			Thread.sleep(20);
			runner.runNow("bigbox-as2-out"); // past the timeout of 0 minutes: set aside
			assertTrue(served.runtime.exceptions(io.syncline.runtime.api.ExceptionQuery.open()
					.ofKind("DELIVERY_FAILED")).items().stream().anyMatch(e -> e.detail().startsWith("no receipt for")),
					"a message without a receipt in time is a DELIVERY_FAILED exception");
		} finally {
			station.close();
		}
	}

	private long awaiting(String state) throws Exception {
		try (var connection = served.store.connection();
				var query = connection.prepareStatement("SELECT COUNT(*) FROM as2_awaiting WHERE state = ?")) {
			query.setString(1, state);
			try (var row = query.executeQuery()) {
				row.next();
				long count = row.getLong(1);
				connection.rollback();
				return count;
			}
		}
	}

	private static io.syncline.transport.as2.As2Receiving.Journal memory(java.util.Set<String> taken) {
		return new io.syncline.transport.as2.As2Receiving.Journal() {
			@Override
			public java.util.Optional<io.syncline.transport.as2.As2Receiving.Receipt> receiptOf(String messageId) {
				return java.util.Optional.empty();
			}

			@Override
			public boolean taken(String messageId) {
				return taken.contains(messageId);
			}

			@Override
			public boolean journal(String messageId, String name, byte[] document) {
				return taken.add(messageId);
			}

			@Override
			public void keepReceipt(String messageId, io.syncline.transport.as2.As2Receiving.Receipt receipt) {
			}
		};
	}

	@Test
	void aCertificateNearItsEndIsInTheEndpointsHealthAMonthAhead() {
		TestCertificates ending = TestCertificates.make("bigbox-2026", Duration.ofDays(20));
		served.runtime.saveEndpoint(EndpointConfig.of("bigbox-as2-in", "bigbox", "in", "as2", Map.of("as2From",
				"BIGBOXRETAIL", "as2To", "HARBORSUPPLY", "partnerCertificate", ending.pem()), null), null,
				"BigBox's new certificate");
		String warning = served.runtime.endpoints().get(0).health().warning();
		assertTrue(warning != null && warning.contains("the partner's certificate") && warning.contains("expires in"),
				String.valueOf(warning));
		served.runtime.saveEndpoint(EndpointConfig.of("bigbox-as2-in", "bigbox", "in", "as2", Map.of("as2From",
				"BIGBOXRETAIL", "as2To", "HARBORSUPPLY", "partnerCertificate", BIGBOX.pem()), null), null,
				"BigBox's certificate for the year");
		assertEquals(null, served.runtime.endpoints().get(0).health().warning());
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
