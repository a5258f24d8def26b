package io.syncline.transport.as2;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;

import io.syncline.transport.Endpoint;
import io.syncline.transport.TransportException;

/**
 * An AS2 endpoint's certificates: our key and certificate from the PKCS#12 in the {@code keyStore} secret (base64,
 * opened with the {@code keyStorePassword} secret), and the partner's certificate from the {@code partnerCertificate}
 * setting (PEM: public, so not a secret). Either expiring within 30 days is said.
 */
record As2Keys(PrivateKey key, X509Certificate ours, X509Certificate partner) {

	static final Duration WARN_BEFORE = Duration.ofDays(30);

	static As2Keys of(Endpoint endpoint) {
		return new As2Keys(null, null, null).with(endpoint);
	}

	private As2Keys with(Endpoint endpoint) {
		PrivateKey privateKey = null;
		X509Certificate own = null;
		if (endpoint.secret("keyStore").isPresent()) {
			try {
				KeyStore store = KeyStore.getInstance("PKCS12");
				char[] password = endpoint.secret("keyStorePassword").orElse("").toCharArray();
				store.load(new ByteArrayInputStream(Base64.getMimeDecoder().decode(endpoint.secret("keyStore").get())),
						password);
				for (String alias : Collections.list(store.aliases())) {
					if (store.isKeyEntry(alias)) {
						privateKey = (PrivateKey) store.getKey(alias, password);
						own = (X509Certificate) store.getCertificate(alias);
						break;
					}
				}
			} catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
				throw new TransportException("endpoint " + endpoint.id() + ": the keyStore secret is not a PKCS#12 that "
						+ "keyStorePassword opens: " + e.getMessage());
			}
			if (privateKey == null) {
				throw new TransportException("endpoint " + endpoint.id() + ": the keyStore holds no private key");
			}
		}
		X509Certificate theirs = null;
		String pem = endpoint.setting("partnerCertificate", null);
		if (pem != null) {
			theirs = certificate(endpoint.id(), pem);
		}
		return new As2Keys(privateKey, own, theirs);
	}

	static X509Certificate certificate(String endpointId, String pem) {
		try {
			String normalized = pem.contains("-----BEGIN") ? pem.replace("\\n", "\n") : "-----BEGIN CERTIFICATE-----\n"
					+ pem + "\n-----END CERTIFICATE-----\n";
			return (X509Certificate) CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(normalized.getBytes(StandardCharsets.US_ASCII)));
		} catch (GeneralSecurityException e) {
			throw new TransportException("endpoint " + endpointId + ": partnerCertificate is not an X.509 certificate in "
					+ "PEM: " + e.getMessage());
		}
	}

	/** How each certificate stands: its subject, when it ends, and a warning within 30 days of that. */
	static String describe(String whose, X509Certificate certificate, Instant now) {
		if (certificate == null) {
			return whose + ": none";
		}
		Instant end = certificate.getNotAfter().toInstant();
		long days = Duration.between(now, end).toDays();
		String state = end.isBefore(now) ? "EXPIRED on " + end
				: days <= WARN_BEFORE.toDays() ? "expires in " + days + " days (" + end + "): renew it now"
						: "valid until " + end;
		return whose + " " + certificate.getSubjectX500Principal().getName() + ", " + state;
	}

	X509Certificate requirePartner(String endpointId) {
		if (partner == null) {
			throw new TransportException("endpoint " + endpointId + " has no partnerCertificate");
		}
		return partner;
	}

	PrivateKey requireKey(String endpointId) {
		if (key == null) {
			throw new TransportException("endpoint " + endpointId + " has no keyStore secret (our key and certificate)");
		}
		return key;
	}
}
