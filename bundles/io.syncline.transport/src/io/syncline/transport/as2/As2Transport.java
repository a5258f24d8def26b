package io.syncline.transport.as2;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * AS2 (RFC 4130). Out: each document compressed, signed and encrypted as set, POSTed to the partner, and delivered
 * only when its receipt comes back positive, signed by the partner (when signed receipts are asked for) and with
 * the MIC we computed; a negative receipt, a wrong MIC or none fails the delivery in words. In: see
 * {@link As2Receiving}, served at {@code /as2/{tenant}/{endpoint}}. Certificates: see {@link As2Keys}.
 */
public final class As2Transport implements Transport.Delivering {

	private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

	@Override
	public EndpointKind kind() {
		return EndpointKind.AS2;
	}

	@Override
	public List<Field> fields(Endpoint.Direction direction) {
		List<Field> fields = new ArrayList<>(List.of(new Field("as2From", true, false, direction == Endpoint.Direction.OUT
				? "our AS2 name" : "the partner's AS2 name"),
				new Field("as2To", true, false, direction == Endpoint.Direction.OUT ? "the partner's AS2 name"
						: "our AS2 name"),
				new Field("partnerCertificate", true, false, "the partner's certificate, PEM"),
				new Field("keyStore", false, true, "our key and certificate: a PKCS#12, base64"),
				new Field("keyStorePassword", false, true, "the PKCS#12's password")));
		if (direction == Endpoint.Direction.OUT) {
			fields.add(new Field("url", true, false, "the partner's AS2 URL"));
			fields.add(new Field("sign", false, false, "sha256 (the default) or none"));
			fields.add(new Field("encrypt", false, false, "aes256 (the default), aes128 or none"));
			fields.add(new Field("compress", false, false, "true to compress before signing"));
			fields.add(new Field("mdn", false, false, "sync (the default), async or none"));
			fields.add(new Field("asyncMdnUrl", false, false, "where the partner posts an async receipt: this runtime's "
					+ "/as2/{tenant}/{this endpoint}"));
			fields.add(new Field("mdnTimeoutMinutes", false, false, "how long an async receipt may take, 60 unless told"));
			fields.add(new Field("signedReceipt", false, false, "ask for a signed receipt, true unless told"));
			fields.add(new Field("subject", false, false, "the Subject header, the document's name unless told"));
			fields.add(new Field("timeoutSeconds", false, false, "60 unless told"));
		} else {
			fields.add(new Field("requireSigned", false, false, "true unless told"));
			fields.add(new Field("requireEncrypted", false, false, "true unless told"));
		}
		return fields;
	}

	/**
	 * What will stop the endpoint soon: a certificate of ours or the partner's that has ended or ends within 30 days,
	 * in words; null when both are good.
	 */
	public static String certificateWarning(Endpoint endpoint) {
		As2Keys keys;
		try {
			keys = As2Keys.of(endpoint);
		} catch (TransportException e) {
			return e.getMessage();
		}
		Instant now = Instant.now();
		List<String> warnings = new ArrayList<>();
		for (String described : List.of(As2Keys.describe("our certificate", keys.ours(), now),
				As2Keys.describe("the partner's certificate", keys.partner(), now))) {
			if (described.contains("EXPIRED") || described.contains("expires in")) {
				warnings.add(described);
			}
		}
		return warnings.isEmpty() ? null : String.join("; ", warnings);
	}

	@Override
	public Check check(Endpoint endpoint) {
		try {
			As2Keys keys = As2Keys.of(endpoint);
			Instant now = Instant.now();
			List<String> details = List.of(As2Keys.describe("ours", keys.ours(), now),
					As2Keys.describe("the partner's", keys.partner(), now));
			boolean expired = details.stream().anyMatch(detail -> detail.contains("EXPIRED"));
			if (endpoint.direction() == Endpoint.Direction.IN) {
				return new Check(!expired && keys.key() != null, "the partner posts to /as2/" + endpoint.tenantId() + "/"
						+ endpoint.id() + (keys.key() == null ? "; no keyStore to decrypt with" : ""), details);
			}
			Request.Builder request = new Request.Builder().url(endpoint.setting("url")).head();
			try (Response response = client(endpoint).newCall(request.build()).execute()) {
				return new Check(!expired && response.code() < 500, "HEAD " + endpoint.setting("url") + " answered "
						+ response.code() + " (nothing was sent)", details);
			}
		} catch (TransportException | IOException | IllegalArgumentException e) {
			return new Check(false, "endpoint " + endpoint.id() + ": " + e.getMessage(), List.of());
		}
	}

	@Override
	public Delivered deliver(Endpoint endpoint, Outgoing document) {
		As2Keys keys = As2Keys.of(endpoint);
		byte[] content;
		try (InputStream in = document.content().open()) {
			content = in.readAllBytes();
		} catch (IOException e) {
			throw new TransportException("endpoint " + endpoint.id() + ": cannot read " + document.name() + ": "
					+ e.getMessage(), e);
		}
		As2Message message;
		try {
			message = As2Message.build(endpoint, keys, document.id(), document.name(), contentType(document.name()),
					content);
		} catch (As2Exception e) {
			throw new TransportException("endpoint " + endpoint.id() + ": " + e.getMessage());
		}
		String what = "endpoint " + endpoint.id() + ": AS2 " + document.name() + " to " + endpoint.setting("as2To");
		Request.Builder request = new Request.Builder().url(endpoint.setting("url"))
				.post(RequestBody.create(message.body(), MediaType.parse(message.headers().get("Content-Type"))));
		for (Map.Entry<String, String> header : message.headers().entrySet()) {
			if (!header.getKey().equals("Content-Type")) {
				request.header(header.getKey(), header.getValue());
			}
		}
		String mdnMode = endpoint.setting("mdn", "sync").toLowerCase(Locale.ROOT);
		boolean wantsReceipt = mdnMode.equals("sync");
		try (Response response = client(endpoint).newCall(request.build()).execute()) {
			if (response.code() < 200 || response.code() >= 300) {
				String excerpt = response.peekBody(300).string().replaceAll("\\s+", " ").strip();
				throw new TransportException(what + ": HTTP " + response.code() + (excerpt.isEmpty() ? "" : " «" + excerpt
						+ "»"));
			}
			if (mdnMode.equals("async")) {
				return new Delivered(message.messageId(), message.mic()); // its receipt comes to asyncMdnUrl
			}
			if (!wantsReceipt) {
				return Delivered.DONE;
			}
			byte[] body = response.body().bytes();
			String type = response.header("Content-Type");
			if (type == null || body.length == 0) {
				throw new TransportException(what + ": the partner answered without a receipt");
			}
			Mdn mdn;
			try {
				mdn = Mdn.read(MimePart.of(Map.of("Content-Type", type), body), keys,
						Boolean.parseBoolean(endpoint.setting("signedReceipt", "true")));
			} catch (As2Exception | IllegalArgumentException e) {
				throw new TransportException(what + ": the receipt does not hold: " + e.getMessage());
			}
			if (!mdn.originalMessageId().equals(message.messageId())) {
				throw new TransportException(what + ": the receipt is for " + mdn.originalMessageId() + ", not "
						+ message.messageId());
			}
			if (!mdn.positive()) {
				throw TransportException.refused(what + ": the partner refused it: " + mdn.disposition()
						+ (mdn.text().isEmpty() ? "" : " (" + mdn.text() + ")"));
			}
			if (!message.mic().equals(mdn.receivedMic())) {
				throw TransportException.refused(what + ": the receipt's MIC " + mdn.receivedMic() + " is not ours ("
						+ message.mic() + "): the partner got other bytes than we sent");
			}
			return Delivered.DONE;
		} catch (IOException e) {
			throw new TransportException(what + ": " + e.getMessage(), e);
		}
	}

	private OkHttpClient client(Endpoint endpoint) {
		Duration timeout = Duration.ofSeconds(endpoint.intSetting("timeoutSeconds", 60));
		return client.newBuilder().readTimeout(timeout).connectTimeout(timeout).callTimeout(timeout.multipliedBy(2))
				.build();
	}

	static String contentType(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".xml") ? "application/xml" : lower.endsWith(".json") ? "application/json"
				: lower.endsWith(".csv") ? "text/csv" : "application/edi-x12";
	}

	@Override
	public void close() {
		client.dispatcher().executorService().shutdown();
		client.connectionPool().evictAll();
	}
}
