package io.syncline.transport.as2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSCompressedData;
import org.bouncycastle.cms.CMSCompressedDataGenerator;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.ZlibCompressor;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The S/MIME of AS2 on BouncyCastle's CMS: a detached SHA-256 signature as multipart/signed, AES enveloped data for
 * an RSA certificate, zlib compressed data, and the MIC (SHA-256 over the exact bytes of the signed entity, headers
 * included) that the receipt must give back. BouncyCastle is used as a provider instance, never registered
 * globally, so it does not change what the rest of the runtime gets from the JDK.
 */
final class As2Crypto {

	static final Provider BC = new BouncyCastleProvider();
	private static final SecureRandom RANDOM = new SecureRandom();

	private As2Crypto() {
	}

	/** The signed entity: multipart/signed of the content and its detached signature. */
	static MimePart sign(MimePart content, PrivateKey key, X509Certificate certificate) throws As2Exception {
		try {
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			String algorithm = "SHA256with" + (key.getAlgorithm().equals("EC") ? "ECDSA" : key.getAlgorithm());
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
					new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
					.build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key), certificate));
			generator.addCertificates(new JcaCertStore(List.of(certificate)));
			byte[] signature = generator.generate(new CMSProcessableByteArray(content.raw()), false).getEncoded();
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/pkcs7-signature; name=smime.p7s; smime-type=signed-data");
			headers.put("Content-Transfer-Encoding", "base64");
			headers.put("Content-Disposition", "attachment; filename=\"smime.p7s\"");
			MimePart signaturePart = MimePart.of(headers, MimePart.base64(signature));
			String boundary = boundary();
			return MimePart.of(Map.of("Content-Type", "multipart/signed; protocol=\"application/pkcs7-signature\"; "
					+ "micalg=sha-256; boundary=\"" + boundary + "\""),
					MimePart.multipart(boundary, List.of(content.raw(), signaturePart.raw())));
		} catch (GeneralSecurityException | OperatorCreationException | CMSException | java.io.IOException e) {
			throw new As2Exception("signing failed: " + e.getMessage(), "unexpected-processing-error");
		}
	}

	/** The content a multipart/signed signed, once its signature verifies with the partner's certificate. */
	static MimePart verify(MimePart signed, X509Certificate partner) throws As2Exception {
		List<MimePart> parts;
		try {
			parts = signed.parts();
		} catch (IllegalArgumentException e) {
			throw new As2Exception("the signed message cannot be read: " + e.getMessage(), "integrity-check-failed");
		}
		if (parts.size() != 2) {
			throw new As2Exception("a signed message has " + parts.size() + " parts, not 2", "integrity-check-failed");
		}
		try {
			CMSSignedData data = new CMSSignedData(new CMSProcessableByteArray(parts.get(0).raw()), parts.get(1).decoded());
			for (SignerInformation signer : data.getSignerInfos().getSigners()) {
				if (signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(partner))) {
					return parts.get(0);
				}
			}
			throw new As2Exception("the signature is not the partner's (certificate " + partner.getSubjectX500Principal()
					+ ") or the content changed", "integrity-check-failed");
		} catch (CMSException | OperatorCreationException | IllegalArgumentException e) {
			throw new As2Exception("the signature does not verify: " + e.getMessage(), "integrity-check-failed");
		}
	}

	/** The entity enveloped for the partner's RSA certificate, AES-256 (or AES-128) in CBC. */
	static MimePart encrypt(MimePart content, X509Certificate partner, String algorithm) throws As2Exception {
		try {
			CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
			generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(partner).setProvider(BC));
			byte[] enveloped = generator.generate(new CMSProcessableByteArray(content.raw()),
					new JceCMSContentEncryptorBuilder(algorithm.equalsIgnoreCase("aes128") ? CMSAlgorithm.AES128_CBC
							: CMSAlgorithm.AES256_CBC).setProvider(BC).build()).getEncoded();
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m");
			headers.put("Content-Transfer-Encoding", "binary");
			headers.put("Content-Disposition", "attachment; filename=\"smime.p7m\"");
			return MimePart.of(headers, enveloped);
		} catch (GeneralSecurityException | CMSException | java.io.IOException e) {
			throw new As2Exception("encryption failed: " + e.getMessage(), "unexpected-processing-error");
		}
	}

	/** The entity an enveloped one holds, opened with our private key. */
	static MimePart decrypt(MimePart enveloped, PrivateKey key) throws As2Exception {
		try {
			CMSEnvelopedData data = new CMSEnvelopedData(enveloped.decoded());
			for (RecipientInformation recipient : data.getRecipientInfos().getRecipients()) {
				try {
					return MimePart.parse(recipient.getContent(new JceKeyTransEnvelopedRecipient(key).setProvider(BC)));
				} catch (CMSException notForUs) {
					// another recipient's; try the next
				}
			}
			throw new As2Exception("the message is not encrypted for our certificate", "decryption-failed");
		} catch (CMSException | IllegalArgumentException e) {
			throw new As2Exception("the message cannot be decrypted: " + e.getMessage(), "decryption-failed");
		}
	}

	static MimePart compress(MimePart content) throws As2Exception {
		try {
			byte[] compressed = new CMSCompressedDataGenerator()
					.generate(new CMSProcessableByteArray(content.raw()), new ZlibCompressor()).getEncoded();
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z");
			headers.put("Content-Transfer-Encoding", "binary");
			headers.put("Content-Disposition", "attachment; filename=\"smime.p7z\"");
			return MimePart.of(headers, compressed);
		} catch (CMSException | java.io.IOException e) {
			throw new As2Exception("compression failed: " + e.getMessage(), "unexpected-processing-error");
		}
	}

	static MimePart decompress(MimePart compressed) throws As2Exception {
		try {
			return MimePart.parse(new CMSCompressedData(compressed.decoded()).getContent(new ZlibExpanderProvider()));
		} catch (CMSException | IllegalArgumentException e) {
			throw new As2Exception("the message cannot be decompressed: " + e.getMessage(), "decompression-failed");
		}
	}

	/** Whether an entity is S/MIME of this kind (enveloped-data, compressed-data). */
	static boolean is(MimePart part, String smimeType) {
		return part.type().equals("application/pkcs7-mime") || part.type().equals("application/x-pkcs7-mime")
				? smimeType.equalsIgnoreCase(String.valueOf(part.parameter("smime-type"))) : false;
	}

	/** The MIC of an entity's exact bytes as a receipt states it: {@code base64, sha-256}. */
	static String mic(byte[] entity) {
		try {
			return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(entity)) + ", sha-256";
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static String boundary() {
		byte[] random = new byte[12];
		RANDOM.nextBytes(random);
		return "----=_Syncline_" + HexFormat.of().formatHex(random);
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}
}
