package io.syncline.transport.as2;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message disposition notification (RFC 3798, as AS2 uses it): the human part, and the machine part that names
 * the original Message-ID, the disposition ({@code processed}, or {@code processed/error: …}) and the MIC the
 * receiver computed, optionally signed.
 */
record Mdn(String originalMessageId, String disposition, String receivedMic, String text) {

	/** Whether the partner processed the message. */
	boolean positive() {
		String lower = disposition.toLowerCase(Locale.ROOT);
		return lower.endsWith("processed") || lower.matches(".*;\\s*processed\\s*$");
	}

	/** The receipt as a MIME entity: multipart/report, signed with our key when {@code signer} is given. */
	MimePart entity(String reportingId, As2Keys signer) throws As2Exception {
		Map<String, String> textHeaders = Map.of("Content-Type", "text/plain; charset=us-ascii",
				"Content-Transfer-Encoding", "7bit");
		MimePart human = MimePart.of(textHeaders, (text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		StringBuilder fields = new StringBuilder();
		fields.append("Reporting-UA: Syncline\r\n");
		fields.append("Original-Recipient: rfc822; ").append(reportingId).append("\r\n");
		fields.append("Final-Recipient: rfc822; ").append(reportingId).append("\r\n");
		fields.append("Original-Message-ID: <").append(originalMessageId).append(">\r\n");
		fields.append("Disposition: ").append(disposition).append("\r\n");
		if (receivedMic != null) {
			fields.append("Received-Content-MIC: ").append(receivedMic).append("\r\n");
		}
		MimePart machine = MimePart.of(Map.of("Content-Type", "message/disposition-notification",
				"Content-Transfer-Encoding", "7bit"), fields.toString().getBytes(StandardCharsets.US_ASCII));
		String boundary = As2Crypto.boundary();
		MimePart report = MimePart.of(Map.of("Content-Type", "multipart/report; report-type=disposition-notification; "
				+ "boundary=\"" + boundary + "\""), MimePart.multipart(boundary, List.of(human.raw(), machine.raw())));
		return signer == null || signer.key() == null ? report : As2Crypto.sign(report, signer.key(), signer.ours());
	}

	/** A receipt read from its entity; a signed one verified first with the partner's certificate, if given. */
	static Mdn read(MimePart entity, As2Keys keys, boolean signatureRequired) throws As2Exception {
		MimePart report = entity;
		if (entity.type().equals("multipart/signed")) {
			if (keys.partner() == null) {
				throw new As2Exception("a signed receipt, but no partnerCertificate to verify it", "authentication-failed");
			}
			report = As2Crypto.verify(entity, keys.partner());
		} else if (signatureRequired) {
			throw new As2Exception("the receipt is not signed, and a signed one was asked for", "integrity-check-failed");
		}
		if (!report.type().equals("multipart/report")) {
			throw new As2Exception("the receipt is " + report.type() + ", not multipart/report", "unexpected-processing-error");
		}
		String human = "";
		Map<String, String> fields = new LinkedHashMap<>();
		for (MimePart part : report.parts()) {
			if (part.type().equals("message/disposition-notification")) {
				for (String line : new String(part.decoded(), StandardCharsets.ISO_8859_1).split("\\R")) {
					int colon = line.indexOf(':');
					if (colon > 0) {
						fields.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
								line.substring(colon + 1).strip());
					}
				}
			} else if (part.type().startsWith("text/")) {
				human = new String(part.decoded(), StandardCharsets.ISO_8859_1).strip();
			}
		}
		String original = fields.getOrDefault("original-message-id", "");
		return new Mdn(original.replaceAll("^<|>$", ""), fields.getOrDefault("disposition", ""),
				fields.get("received-content-mic"), human);
	}
}
