package io.syncline.product.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.syncline.testing.TestCertificates;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;
import io.syncline.transport.as2.As2Transport;
import io.syncline.transport.webhook.WebhookSignatures;

/**
 * The partners that push to the installed runtime in the kill test: BigBox's AS2 station (the same AS2 code as a
 * second station, with its own key), sending each 850 until it has a positive signed receipt with its MIC, and the web
 * shop, posting each order as a Shopify-signed webhook until it is answered 200. Both keep going across the
 * runtime's deaths, as real partners retry.
 */
final class PushingPartners implements AutoCloseable {

	private static final String SHOP_SECRET = "shpss_kill_test_7f3a";

	private final TestCertificates harbor = TestCertificates.make("harbor", Duration.ofDays(365));
	private final TestCertificates bigbox = TestCertificates.make("bigbox", Duration.ofDays(365));
	private final Path dir;
	private final Path product;
	private final int port;
	private final As2Transport as2 = new As2Transport();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final AtomicInteger as2Done = new AtomicInteger();
	private final AtomicInteger as2Sends = new AtomicInteger();
	private final AtomicInteger hooksDone = new AtomicInteger();
	private final AtomicInteger hookSends = new AtomicInteger();
	private int as2Total;
	private int hooksTotal;
	private Thread as2Sender;
	private Thread hookSender;

	PushingPartners(Path dir, Path product, int port) {
		this.dir = dir;
		this.product = product;
		this.port = port;
	}

	/** The command lines that set up Harbor's endpoints for the two partners, secrets read from owner-only files. */
	List<String[]> endpoints() throws IOException {
		Path keyStore = secret("harbor-as2.p12.b64", harbor.keyStore());
		Path keyStorePassword = secret("harbor-as2.password", harbor.password());
		Path signing = secret("shop-signing-secret", SHOP_SECRET);
		return List.of(new String[] { "partners", "endpoint", "add", "bigbox-as2", "--partner", "bigbox", "--direction",
				"in", "--kind", "as2", "as2From=BIGBOXRETAIL", "as2To=HARBORSUPPLY", "partnerCertificate=" + bigbox.pem(),
				"--secret-file", "keyStore=" + keyStore + ",keyStorePassword=" + keyStorePassword, "--reason",
				"BigBox sends its orders by AS2" },
				new String[] { "partners", "endpoint", "add", "shop-hooks", "--partner", "shop", "--direction", "in",
						"--kind", "webhook", "signature=shopify", "name=shop-orders-{id}.json", "ratePerSecond=1000",
						"--secret-file", "signingSecret=" + signing, "--reason", "the web shop pushes its orders" });
	}

	private Path secret(String name, String value) throws IOException {
		Path file = dir.resolve(name);
		Files.writeString(file, value);
		Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		return file;
	}

	void startSending(int as2Messages, int webhooks) throws IOException {
		as2Total = as2Messages;
		hooksTotal = webhooks;
		String order = Files.readString(demo().resolve("samples/edi/bigbox-850-customer-order.edi"));
		as2Sender = new Thread(() -> {
			Endpoint out = new Endpoint("bigbox", "harbor-as2", "harbor", Endpoint.Direction.OUT, EndpointKind.AS2,
					Map.of("url", "http://127.0.0.1:" + port + "/as2/harbor/bigbox-as2", "as2From", "BIGBOXRETAIL",
							"as2To", "HARBORSUPPLY", "partnerCertificate", harbor.pem(), "timeoutSeconds", "20"),
					Map.of("keyStore", bigbox.keyStore(), "keyStorePassword", bigbox.password()), Duration.ZERO,
					List.of(), true);
			for (int i = 0; i < as2Messages; i++) {
				byte[] bytes = order.replace("BB-7730021", String.format("AS-%05d", i)).getBytes(StandardCharsets.US_ASCII);
				Transport.Outgoing document = new Transport.Outgoing("bb-850-" + i, String.format("bigbox-850-%05d.edi", i),
						bytes.length, () -> new ByteArrayInputStream(bytes));
				while (true) {
					as2Sends.incrementAndGet();
					try {
						as2.deliver(out, document); // returns only on a positive, verified receipt with our MIC
						as2Done.incrementAndGet();
						break;
					} catch (TransportException down) {
						pause();
					}
				}
			}
		}, "bigbox-as2");
		hookSender = new Thread(() -> {
			for (int i = 0; i < webhooks; i++) {
				byte[] body = String.format("{\"orders\": [{\"id\": %d, \"name\": \"#W%05d\", \"created_at\": "
						+ "\"2026-12-07T10:00:00Z\", \"customer\": {\"email\": \"w%d@example.com\", \"company\": \"Webhook %d\"}, "
						+ "\"shipping_address\": {\"city\": \"Atlanta\", \"province_code\": \"GA\", \"zip\": \"30336\", "
						+ "\"country_code\": \"US\"}, \"line_items\": [{\"sku\": \"HS-001003\", \"quantity\": 1, "
						+ "\"price\": 70.29}], \"financial_status\": \"paid\"}]}", 700_000 + i, i, i, i)
						.getBytes(StandardCharsets.UTF_8);
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
						+ "/hooks/harbor/shop-hooks")).timeout(Duration.ofSeconds(20))
						.header("Content-Type", "application/json")
						.header("X-Shopify-Hmac-Sha256", WebhookSignatures.sign(SHOP_SECRET.getBytes(StandardCharsets.UTF_8),
								body))
						.header("X-Shopify-Webhook-Id", "w-" + i).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
				while (true) {
					hookSends.incrementAndGet();
					try {
						if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
							hooksDone.incrementAndGet();
							break;
						}
					} catch (IOException down) {
						// the runtime is down or was killed mid-answer: send it again, as a shop does
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return;
					}
					pause();
				}
			}
		}, "shop-webhooks");
		as2Sender.setDaemon(true);
		hookSender.setDaemon(true);
		as2Sender.start();
		hookSender.start();
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private Path demo() throws IOException {
		try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
			return plugins.filter(p -> p.getFileName().toString().startsWith("io.syncline.demo_") && Files.isDirectory(p))
					.findFirst().orElseThrow();
		}
	}

	boolean done() {
		return as2Done.get() == as2Total && hooksDone.get() == hooksTotal;
	}

	int as2Left() {
		return as2Total - as2Done.get();
	}

	int webhooksLeft() {
		return hooksTotal - hooksDone.get();
	}

	int as2Sends() {
		return as2Sends.get();
	}

	int webhookSends() {
		return hookSends.get();
	}

	int as2Receipts() {
		return as2Done.get();
	}

	@Override
	public void close() {
		as2.close();
	}
}
