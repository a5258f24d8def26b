package io.syncline.transport.as2;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.syncline.transport.Endpoint;

/**
 * An outbound AS2 message: the document as a MIME part, compressed, signed and encrypted as the endpoint says (in
 * that order, as RFC 5402 advises), with the AS2 headers and the MIC its receipt must give back. Its Message-ID is
 * made from the delivery's id, so a delivery tried again is the same message to the partner, who answers it with
 * its first receipt and does not take it twice.
 */
record As2Message(String messageId, Map<String, String> headers, byte[] body, String mic) {

	static As2Message build(Endpoint endpoint, As2Keys keys, String deliveryId, String name, String contentType,
			byte[] content) throws As2Exception {
		String from = endpoint.setting("as2From");
		String to = endpoint.setting("as2To");
		String messageId = "syncline-" + deliveryId.replaceAll("[^A-Za-z0-9._-]", "_") + "@" + from.replaceAll(
				"[^A-Za-z0-9._-]", "_");
		Map<String, String> partHeaders = new LinkedHashMap<>();
		partHeaders.put("Content-Type", contentType);
		partHeaders.put("Content-Transfer-Encoding", "binary");
		partHeaders.put("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"");
		MimePart entity = MimePart.of(partHeaders, content);
		if (Boolean.parseBoolean(endpoint.setting("compress", "false"))) {
			entity = As2Crypto.compress(entity);
		}
		boolean sign = !endpoint.setting("sign", "sha256").equalsIgnoreCase("none");
		String encryption = endpoint.setting("encrypt", "aes256");
		// RFC 4130, 7.3.1: signed or encrypted, the MIC covers the MIME headers and content; neither, the content alone
		String mic = As2Crypto.mic(sign || !encryption.equalsIgnoreCase("none") ? entity.raw() : entity.body());
		if (sign) {
			entity = As2Crypto.sign(entity, keys.requireKey(endpoint.id()), keys.ours());
		}
		if (!encryption.equalsIgnoreCase("none")) {
			entity = As2Crypto.encrypt(entity, keys.requirePartner(endpoint.id()), encryption);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("AS2-Version", "1.2");
		headers.put("AS2-From", quoted(from));
		headers.put("AS2-To", quoted(to));
		headers.put("Message-ID", "<" + messageId + ">");
		headers.put("Subject", endpoint.setting("subject", name));
		headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
		headers.put("MIME-Version", "1.0");
		headers.put("Content-Type", entity.header("content-type"));
		String mdn = endpoint.setting("mdn", "sync").toLowerCase(Locale.ROOT);
		if (!mdn.equals("none")) {
			headers.put("Disposition-Notification-To", from);
			if (Boolean.parseBoolean(endpoint.setting("signedReceipt", "true"))) {
				headers.put("Disposition-Notification-Options",
						"signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256");
			}
		}
		if (mdn.equals("async")) {
			headers.put("Receipt-Delivery-Option", endpoint.setting("asyncMdnUrl"));
		}
		return new As2Message(messageId, headers, entity.body(), mic);
	}

	/** AS2 names with spaces are quoted (RFC 4130, 6.2). */
	private static String quoted(String as2Name) {
		return as2Name.contains(" ") ? "\"" + as2Name + "\"" : as2Name;
	}

	/** An AS2 name as a header carries it, unquoted. */
	static String unquoted(String header) {
		if (header == null) {
			return null;
		}
		String value = header.strip();
		return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
				? value.substring(1, value.length() - 1) : value;
	}
}
