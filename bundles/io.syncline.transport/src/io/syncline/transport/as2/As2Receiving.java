package io.syncline.transport.as2;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.syncline.transport.Endpoint;
import io.syncline.transport.TransportException;

/**
 * Takes one AS2 message for an endpoint in: checks it is from the partner and to us, decrypts, verifies the
 * signature and computes the MIC over the signed entity's exact bytes, decompresses, hands the document to the
 * journal with its Message-ID's claim, and answers with a receipt (signed if asked). A Message-ID seen before is
 * answered with the receipt it got the first time and is not taken again. What cannot be taken gets a negative
 * receipt naming why.
 */
public final class As2Receiving {

	/** Where a station keeps what it took and what it answered. */
	public interface Journal {
		/** The receipt a Message-ID was answered with, if it was taken before and its receipt kept. */
		Optional<Receipt> receiptOf(String messageId);

		/** Whether a Message-ID was taken before (its receipt may not have been kept: a stop came between). */
		boolean taken(String messageId);

		/** Journals a document under its Message-ID's claim; false if the Message-ID was claimed meanwhile. */
		boolean journal(String messageId, String name, byte[] document);

		/** Keeps the receipt a Message-ID was answered with, for its duplicates. */
		void keepReceipt(String messageId, Receipt receipt);
	}

	/** A receipt as it goes over the wire: its Content-Type and its body. */
	public record Receipt(String contentType, byte[] body) {
	}

	/**
	 * What the station answers: the HTTP status, the receipt (null when none was asked for), and what happened; a
	 * receipt asked for asynchronously goes to {@code asyncUrl} (null: in the answer).
	 */
	public record Outcome(int status, Receipt receipt, String messageId, boolean taken, boolean duplicate,
			String error, String asyncUrl) {

		Outcome(int status, Receipt receipt, String messageId, boolean taken, boolean duplicate, String error) {
			this(status, receipt, messageId, taken, duplicate, error, null);
		}

		Outcome async(String url) {
			return new Outcome(status, receipt, messageId, taken, duplicate, error, url);
		}
	}

	public static Outcome receive(Endpoint endpoint, UnaryOperator<String> header, byte[] body, Journal journal) {
		Outcome outcome = take(endpoint, header, body, journal);
		String url = header.apply("Receipt-Delivery-Option");
		return url == null || url.isBlank() || outcome.receipt() == null ? outcome : outcome.async(url.strip());
	}

	private As2Receiving() {
	}

	private static Outcome take(Endpoint endpoint, UnaryOperator<String> header, byte[] body, Journal journal) {
		String messageId = Optional.ofNullable(header.apply("Message-ID")).map(String::strip)
				.map(id -> id.replaceAll("^<|>$", "")).orElse("");
		boolean wantsReceipt = header.apply("Disposition-Notification-To") != null;
		String options = Optional.ofNullable(header.apply("Disposition-Notification-Options")).orElse("")
				.toLowerCase(Locale.ROOT);
		boolean signedReceipt = options.contains("pkcs7-signature");
		As2Keys keys;
		try {
			keys = As2Keys.of(endpoint);
		} catch (TransportException e) {
			return new Outcome(500, null, messageId, false, false, e.getMessage());
		}
		String ours = endpoint.setting("as2To");
		if (messageId.isEmpty()) {
			return new Outcome(400, null, messageId, false, false, "no Message-ID");
		}
		Optional<Receipt> before = journal.receiptOf(messageId);
		if (before.isPresent()) {
			return new Outcome(200, wantsReceipt ? before.get() : null, messageId, false, true, null);
		}
		try {
			String from = As2Message.unquoted(header.apply("AS2-From"));
			String to = As2Message.unquoted(header.apply("AS2-To"));
			if (!endpoint.setting("as2From").equals(from) || !ours.equals(to)) {
				throw new As2Exception("AS2-From " + from + " to " + to + " is not this endpoint's partner ("
						+ endpoint.setting("as2From") + " to " + ours + ")", "authentication-failed");
			}
			Map<String, String> outer = new LinkedHashMap<>();
			outer.put("Content-Type", Optional.ofNullable(header.apply("Content-Type")).orElse("application/octet-stream"));
			Optional.ofNullable(header.apply("Content-Transfer-Encoding"))
					.ifPresent(encoding -> outer.put("Content-Transfer-Encoding", encoding));
			MimePart entity = MimePart.of(outer, body);
			boolean encrypted = false;
			if (As2Crypto.is(entity, "enveloped-data")) {
				entity = As2Crypto.decrypt(entity, keys.requireKey(endpoint.id()));
				encrypted = true;
			}
			if (!encrypted && Boolean.parseBoolean(endpoint.setting("requireEncrypted", "true"))) {
				throw new As2Exception("the message is not encrypted, and this endpoint takes only encrypted ones",
						"insufficient-message-security");
			}
			String mic;
			if (entity.type().equals("multipart/signed")) {
				entity = As2Crypto.verify(entity, keys.requirePartner(endpoint.id()));
				mic = As2Crypto.mic(entity.raw());
			} else if (Boolean.parseBoolean(endpoint.setting("requireSigned", "true"))) {
				throw new As2Exception("the message is not signed, and this endpoint takes only signed ones",
						"insufficient-message-security");
			} else {
				// RFC 4130, 7.3.1: an unsigned message's MIC covers its MIME headers and content if it was encrypted,
				// else the content alone
				mic = As2Crypto.mic(encrypted ? entity.raw() : entity.body());
			}
			if (As2Crypto.is(entity, "compressed-data")) {
				entity = As2Crypto.decompress(entity);
			}
			String name = filename(entity, messageId);
			// taken before but its receipt not kept (a stop came between): answered afresh, not taken again
			boolean journaled = !journal.taken(messageId) && journal.journal(messageId, name, entity.decoded());
			if (!journaled) {
				Optional<Receipt> meanwhile = journal.receiptOf(messageId);
				if (meanwhile.isPresent()) {
					return new Outcome(200, wantsReceipt ? meanwhile.get() : null, messageId, false, true, null);
				}
			}
			Receipt receipt = receipt(new Mdn(messageId, "automatic-action/MDN-sent-automatically; processed", mic,
					"The message " + messageId + " was received and kept."), ours, signedReceipt ? keys : null);
			journal.keepReceipt(messageId, receipt);
			return new Outcome(200, wantsReceipt ? receipt : null, messageId, journaled, !journaled, null);
		} catch (As2Exception | TransportException | IllegalArgumentException e) {
			// IllegalArgumentException: MIME that cannot be read (a body that is not the base64 it says it is)
			String modifier = e instanceof As2Exception refusal ? refusal.disposition() : "unexpected-processing-error";
			Receipt receipt = null;
			try {
				receipt = receipt(new Mdn(messageId, "automatic-action/MDN-sent-automatically; processed/error: "
						+ modifier, null, "The message " + messageId + " was not taken: " + e.getMessage()), ours,
						signedReceipt && keys.key() != null ? keys : null);
			} catch (As2Exception unsigned) {
				// a receipt that cannot be signed is not sent; the HTTP status still says it was refused
			}
			return new Outcome(200, wantsReceipt ? receipt : null, messageId, false, false, e.getMessage());
		}
	}

	private static Receipt receipt(Mdn mdn, String reportingId, As2Keys signer) throws As2Exception {
		MimePart entity = mdn.entity(reportingId, signer);
		return new Receipt(entity.header("content-type"), entity.body());
	}

	private static String filename(MimePart entity, String messageId) {
		String disposition = entity.header("content-disposition");
		if (disposition != null) {
			java.util.regex.Matcher name = java.util.regex.Pattern.compile("filename=\"?([^\";]+)\"?").matcher(disposition);
			if (name.find()) {
				String safe = name.group(1).strip().replaceAll("[^A-Za-z0-9._-]", "_");
				if (!safe.isEmpty()) {
					return safe;
				}
			}
		}
		return messageId.replaceAll("[^A-Za-z0-9._-]", "_") + (entity.type().contains("x12") ? ".edi" : ".dat");
	}

	static String text(byte[] body) {
		return new String(body, StandardCharsets.ISO_8859_1);
	}
}
