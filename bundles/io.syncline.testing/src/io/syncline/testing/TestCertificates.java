package io.syncline.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An AS2 station's key and self-signed certificate, made for a test: the PKCS#12 (base64) an endpoint's
 * {@code keyStore} secret holds, and the certificate's PEM the other station's {@code partnerCertificate} setting holds.
 */
public record TestCertificates(KeyPair keys, X509Certificate certificate, String keyStore, String password) {

	public static TestCertificates make(String name, Duration validFor) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keys = generator.generateKeyPair();
			Instant now = Instant.now();
			X500Name subject = new X500Name("CN=" + name + ", O=Syncline tests");
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
					new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
							Date.from(now.minusSeconds(60)), Date.from(now.plus(validFor)), subject, keys.getPublic())
							.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
			String password = "pw-" + name;
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(name, keys.getPrivate(), password.toCharArray(), new X509Certificate[] { certificate });
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			store.store(out, password.toCharArray());
			return new TestCertificates(keys, certificate, Base64.getEncoder().encodeToString(out.toByteArray()),
					password);
		} catch (Exception e) {
			throw new IllegalStateException("cannot make a test certificate: " + e.getMessage(), e);
		}
	}

	public String pem() {
		try {
			return "-----BEGIN CERTIFICATE-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
		} catch (java.security.cert.CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}
}
