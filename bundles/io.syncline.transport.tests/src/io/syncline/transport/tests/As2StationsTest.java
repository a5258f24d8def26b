package io.syncline.transport.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.syncline.testing.LoopbackHttpPartner;
import io.syncline.testing.LoopbackHttpPartner.Answer;
import io.syncline.testing.TestCertificates;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;
import io.syncline.transport.as2.As2Receiving;
import io.syncline.transport.as2.As2Transport;

/**
 * Harbor's AS2 station sends to BigBox's, a second station on loopback built on the same code, and the round trip
 * is checked from outside it too: the message BigBox got is decrypted and its signature verified by BouncyCastle's
 * own CMS classes, not by the code under test.
 */
class As2StationsTest {

	private static final TestCertificates HARBOR = TestCertificates.make("harbor", Duration.ofDays(365));
	private static final TestCertificates BIGBOX = TestCertificates.make("bigbox", Duration.ofDays(365));
	private static final String PO = "ISA*00*          *00*          *ZZ*HARBORSUPPLY   *ZZ*BIGBOXRETAIL   *261207*1000*U*00401*000000101*0*P*>~\n"
			+ "ST*855*0001~BAK*00*AC*BB-7730021*20261207~SE*3*0001~\n";

	private LoopbackHttpPartner bigboxServer;
	private final Map<String, byte[]> bigboxJournal = new ConcurrentHashMap<>();
	private final Map<String, As2Receiving.Receipt> bigboxReceipts = new ConcurrentHashMap<>();
	private final Set<String> bigboxTaken = ConcurrentHashMap.newKeySet();
	private As2Transport transport;
	private volatile String bigboxTrusts = HARBOR.pem();
	/** Whether BigBox's station takes unsigned and unencrypted messages (for the mixes of security). */
	private volatile boolean bigboxUnsecured;

	@BeforeEach
	void stations() throws Exception {
		transport = new As2Transport();
		bigboxServer = new LoopbackHttpPartner();
		bigboxServer.otherwise(request -> {
			Endpoint in = new Endpoint("bigbox", "harbor-as2", "harbor", Endpoint.Direction.IN, EndpointKind.AS2,
					Map.of("as2From", "HARBORSUPPLY", "as2To", "BIGBOXRETAIL", "partnerCertificate", bigboxTrusts,
							"requireSigned", String.valueOf(!bigboxUnsecured), "requireEncrypted",
							String.valueOf(!bigboxUnsecured)),
					Map.of("keyStore", BIGBOX.keyStore(), "keyStorePassword", BIGBOX.password()), Duration.ZERO,
					List.of(), true);
			As2Receiving.Outcome outcome = As2Receiving.receive(in, request.headers()::get, request.body(), journal());
			return outcome.receipt() == null ? new Answer(outcome.status(), Map.of(), "")
					: new Answer(outcome.status(), Map.of("Content-Type", outcome.receipt().contentType()),
							new String(outcome.receipt().body(), StandardCharsets.ISO_8859_1));
		});
	}

	@AfterEach
	void stop() throws Exception {
		transport.close();
		bigboxServer.close();
	}

	private As2Receiving.Journal journal() {
		return new As2Receiving.Journal() {
			@Override
			public Optional<As2Receiving.Receipt> receiptOf(String messageId) {
				return Optional.ofNullable(bigboxReceipts.get(messageId));
			}

			@Override
			public boolean taken(String messageId) {
				return bigboxTaken.contains(messageId);
			}

			@Override
			public boolean journal(String messageId, String name, byte[] document) {
				if (!bigboxTaken.add(messageId)) {
					return false;
				}
				bigboxJournal.put(name, document);
				return true;
			}

			@Override
			public void keepReceipt(String messageId, As2Receiving.Receipt receipt) {
				bigboxReceipts.put(messageId, receipt);
			}
		};
	}

	private Endpoint harborOut(Map<String, String> more) {
		Map<String, String> settings = new HashMap<>(Map.of("url", bigboxServer.url("/as2"), "as2From", "HARBORSUPPLY",
				"as2To", "BIGBOXRETAIL", "partnerCertificate", BIGBOX.pem()));
		settings.putAll(more);
		return new Endpoint("harbor", "bigbox-as2", "bigbox", Endpoint.Direction.OUT, EndpointKind.AS2, settings,
				Map.of("keyStore", HARBOR.keyStore(), "keyStorePassword", HARBOR.password()), Duration.ZERO, List.of(),
				true);
	}

	private static Transport.Outgoing document(String id) {
		byte[] bytes = PO.getBytes(StandardCharsets.US_ASCII);
		return new Transport.Outgoing(id, "855-BB-7730021.edi", bytes.length, () -> new ByteArrayInputStream(bytes));
	}

	@Test
	void aSignedEncryptedCompressedMessageIsDeliveredOnItsSignedReceiptAndCheckedFromOutside() throws Exception {
		transport.deliver(harborOut(Map.of("compress", "true")), document("harbor-855-1"));

		assertArrayEquals(PO.getBytes(StandardCharsets.US_ASCII), bigboxJournal.get("855-BB-7730021.edi"),
				"BigBox kept the bytes Harbor sent");
		LoopbackHttpPartner.Received request = bigboxServer.received().get(0);
		assertEquals("HARBORSUPPLY", request.headers().get("AS2-From"));
		assertEquals("<syncline-harbor-855-1@HARBORSUPPLY>", request.headers().get("Message-ID"));
		assertTrue(request.headers().get("Content-Type").contains("enveloped-data"), request.headers().get("Content-Type"));

		// outside the code under test: BouncyCastle decrypts with BigBox's key and verifies Harbor's signature
		CMSEnvelopedData enveloped = new CMSEnvelopedData(request.body());
		RecipientInformation recipient = enveloped.getRecipientInfos().getRecipients().iterator().next();
		String signed = new String(recipient.getContent(new JceKeyTransEnvelopedRecipient(BIGBOX.keys().getPrivate())),
				StandardCharsets.ISO_8859_1);
		String boundary = signed.replaceAll("(?s).*boundary=\"([^\"]+)\".*", "$1");
		String delimiter = "--" + boundary;
		int firstStart = signed.indexOf(delimiter + "\r\n", signed.indexOf("\r\n\r\n")) + delimiter.length() + 2;
		int firstEnd = signed.indexOf("\r\n" + delimiter, firstStart);
		String first = signed.substring(firstStart, firstEnd);
		int secondStart = firstEnd + 2 + delimiter.length() + 2;
		String second = signed.substring(secondStart, signed.indexOf("\r\n" + delimiter + "--", secondStart));
		String signaturePart = second.substring(second.indexOf("\r\n\r\n") + 4);
		CMSSignedData signature = new CMSSignedData(new CMSProcessableByteArray(first.getBytes(StandardCharsets.ISO_8859_1)),
				java.util.Base64.getMimeDecoder().decode(signaturePart.strip()));
		SignerInformation signer = signature.getSignerInfos().getSigners().iterator().next();
		assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(HARBOR.certificate())),
				"Harbor's signature verifies with BouncyCastle's own verifier");
		assertTrue(first.contains("smime-type=compressed-data"), "compressed before it was signed");
	}

	@Test
	void everyMixOfSigningAndEncryptionAgreesOnTheMic() {
		for (String[] mix : new String[][] { { "none", "none" }, { "none", "aes128" }, { "sha256", "none" } }) {
			bigboxUnsecured = true;
			transport.deliver(harborOut(Map.of("sign", mix[0], "encrypt", mix[1], "signedReceipt", "false")),
					document("harbor-855-mix-" + mix[0] + "-" + mix[1]));
		}
		assertEquals(3, bigboxTaken.size(), "each delivered on a receipt whose MIC is the one the sender computed");
	}

	@Test
	void aRepeatedMessageIsAnsweredWithItsFirstReceiptAndNotTakenTwice() {
		Endpoint out = harborOut(Map.of());
		transport.deliver(out, document("harbor-855-2"));
		transport.deliver(out, document("harbor-855-2")); // the runner died before moving its cursor: sent again
		assertEquals(2, bigboxServer.received().size());
		assertEquals(1, bigboxTaken.size(), "one Message-ID, taken once");
		assertEquals(bigboxServer.received().get(0).headers().get("Message-ID"),
				bigboxServer.received().get(1).headers().get("Message-ID"), "the same Message-ID both times");
	}

	@Test
	void aPartnerThatCannotVerifyUsRefusesAndTheDeliveryFailsInWords() {
		bigboxTrusts = TestCertificates.make("someone-else", Duration.ofDays(30)).pem();
		TransportException refused = assertThrows(TransportException.class,
				() -> transport.deliver(harborOut(Map.of()), document("harbor-855-3")));
		assertTrue(refused.getMessage().contains("refused it") && refused.getMessage().contains("integrity-check-failed"),
				refused.getMessage());
		assertTrue(bigboxJournal.isEmpty());
	}

	@Test
	void aCertificateNearItsEndIsWarnedOfAMonthAhead() {
		TestCertificates ending = TestCertificates.make("bigbox-old", Duration.ofDays(12));
		Transport.Check check = transport.check(harborOut(Map.of("partnerCertificate", ending.pem())));
		assertTrue(check.details().stream().anyMatch(detail -> detail.contains("expires in 11 days")
				|| detail.contains("expires in 12 days")), check.details().toString());
	}
}
