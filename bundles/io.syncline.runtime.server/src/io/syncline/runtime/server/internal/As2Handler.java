package io.syncline.runtime.server.internal;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.local.EndpointPushes;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.store.As2Receipts;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.as2.As2Receiving;

/**
 * {@code POST /as2/{tenant}/{endpoint}}: an AS2 partner's message, taken by {@link As2Receiving} and answered with
 * its receipt in the same exchange. A message is journaled with its Message-ID's claim before the receipt goes
 * out, and its receipt kept, so a Message-ID sent again gets the same receipt and is not taken twice; it is
 * processed after the answer, in the partner's lane. A message that cannot be taken (not the partner's, not
 * decryptable, a signature that does not hold) gets a negative receipt, is audited and shows as the endpoint's last
 * error; an address with 20 such a minute waits. Anything unknown is the same 404.
 */
public final class As2Handler extends PushHandler {

	private static final Logger LOG = LoggerFactory.getLogger(As2Handler.class);
	static final Pattern PATH = Pattern.compile("/as2/([a-z0-9][a-z0-9-]{0,63})/([a-z0-9][a-z0-9-]{0,63})");

	private final long maxBody;

	public As2Handler(LocalRuntime root, long maxBody, java.util.List<String> trustedProxies) {
		super(root, trustedProxies, "syncline-as2");
		this.maxBody = maxBody;
	}

	/** An asynchronous receipt for a message an endpoint out sent: it settles that message either way. */
	private void asyncReceipt(Exchange x, EndpointPushes pushes, Endpoint out, String from) throws java.io.IOException {
		byte[] body = x.body(1 << 20);
		io.syncline.transport.as2.As2AsyncReceipts.Said said;
		try {
			said = io.syncline.transport.as2.As2AsyncReceipts.read(out, x.request().getHeaders()::get, body);
		} catch (io.syncline.transport.TransportException e) {
			refusals.failed(from);
			pushes.refused(out, from, e.getMessage());
			answer(x, 400, "Bad Request", e.getMessage());
			return;
		}
		String outcome = pushes.settle(out, said);
		x.ok(Map.of("receiptFor", said.originalMessageId(), "outcome", outcome));
	}

	/** Posts a receipt asked for asynchronously to where the partner said, a few times if it is not taken. */
	private void sendLater(Endpoint endpoint, As2Receiving.Outcome outcome) {
		receipts.execute(() -> {
			java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(outcome.asyncUrl()))
					.timeout(java.time.Duration.ofSeconds(30)).header("AS2-Version", "1.2")
					.header("AS2-From", endpoint.setting("as2To")).header("AS2-To", endpoint.setting("as2From"))
					.header("Message-ID", "<receipt-" + outcome.messageId() + ">")
					.header("Content-Type", outcome.receipt().contentType())
					.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(outcome.receipt().body())).build();
			for (int attempt = 1; attempt <= 5; attempt++) {
				try {
					int status = http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
					if (status >= 200 && status < 300) {
						return;
					}
					LOG.warn("the receipt of {} to {} was answered {}", outcome.messageId(), outcome.asyncUrl(), status);
				} catch (java.io.IOException e) {
					LOG.warn("the receipt of {} could not reach {}: {}", outcome.messageId(), outcome.asyncUrl(),
							e.getMessage());
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
				try {
					Thread.sleep(1000L << attempt);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		});
	}

	private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
			.connectTimeout(java.time.Duration.ofSeconds(10)).build();
	private final java.util.concurrent.ExecutorService receipts = java.util.concurrent.Executors.newSingleThreadExecutor(
			r -> {
				Thread thread = new Thread(r, "syncline-as2-receipts");
				thread.setDaemon(true);
				return thread;
			});

	public static boolean handles(String path) {
		return path.startsWith("/as2/");
	}

	@Override
	java.util.regex.Pattern path() {
		return PATH;
	}

	@Override
	String what() {
		return "an AS2 message";
	}

	@Override
	void serve(Exchange x, String tenant, String endpointId, String from) throws Exception {
		Request request = x.request();
		Response response = x.response();
		EndpointPushes pushes = pushes(tenant);
		Optional<Endpoint> out = pushes.endpointOut(endpointId, EndpointKind.AS2);
		if (out.isPresent()) {
			asyncReceipt(x, pushes, out.get(), from);
			return;
		}
		Endpoint endpoint = pushes.endpoint(endpointId, EndpointKind.AS2)
				.orElseThrow(() -> new NotFoundException("no endpoint here"));
		byte[] body = x.body(maxBody);
		long[] journaled = { -1 };
		As2Receiving.Outcome outcome = As2Receiving.receive(endpoint, request.getHeaders()::get, body,
				new As2Receiving.Journal() {
					@Override
					public Optional<As2Receiving.Receipt> receiptOf(String messageId) {
						return pushes.receiptOf(endpoint, messageId)
								.map(kept -> new As2Receiving.Receipt(kept.contentType(), kept.body()));
					}

					@Override
					public boolean taken(String messageId) {
						return pushes.taken(endpoint, messageId);
					}

					@Override
					public boolean journal(String messageId, String name, byte[] document) {
						OptionalLong message = pushes.receive(endpoint, messageId, name,
								new ByteArrayInputStream(document));
						message.ifPresent(id -> journaled[0] = id);
						return message.isPresent();
					}

					@Override
					public void keepReceipt(String messageId, As2Receiving.Receipt receipt) {
						pushes.keepReceipt(endpoint, messageId, new As2Receipts.Receipt(receipt.contentType(),
								receipt.body()));
					}
				});
		if (outcome.error() != null) {
			refusals.failed(from);
			pushes.refused(endpoint, from, "message " + outcome.messageId() + ": " + outcome.error());
		}
		response.setStatus(outcome.status());
		response.getHeaders().put("AS2-Version", "1.2");
		response.getHeaders().put("AS2-From", endpoint.setting("as2To"));
		response.getHeaders().put("AS2-To", endpoint.setting("as2From"));
		if (outcome.receipt() != null && outcome.asyncUrl() == null) {
			response.getHeaders().put(HttpHeader.CONTENT_TYPE, outcome.receipt().contentType());
			response.write(true, ByteBuffer.wrap(outcome.receipt().body()), x.callback());
		} else {
			response.write(true, null, x.callback());
		}
		if (outcome.asyncUrl() != null) {
			sendLater(endpoint, outcome);
		}
		if (journaled[0] >= 0) {
			processLater(pushes, tenant, endpoint.partnerId(), journaled[0]);
		}
	}
}
