package io.syncline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import io.syncline.runtime.api.EndpointConfig;
import io.syncline.runtime.local.EndpointPushes;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.store.Store;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.SecretBox;
import io.syncline.transport.Transport;
import io.syncline.transport.sftp.SftpTransport;
import io.syncline.transport.webhook.WebhookSignatures;

/**
 * Transports against their raw baselines, in the same run, on loopback:
 * <ul>
 * <li>sftp: 1,000 small files, and one large file, taken by the SFTP endpoint (downloaded, journaled with their
 * claims in H2) against the raw MINA SSHD client downloading the same files to disk; the large file's peak heap.
 * Goal ≥ 0.8× the raw client, heap flat;</li>
 * <li>webhook: the answer time of a signed webhook, body journaled, at a steady 200 requests/s, against the same
 * journaling called in process. Goal p99 ≤ 50 ms.</li>
 * </ul>
 */
final class TransportBench {

	private TransportBench() {
	}

	static void sftp(Path demo, Path dir, int files, int largeMb) throws Exception {
		System.setProperty("syncline.secretsKey", SecretBox.newKey());
		Path remote = Files.createDirectories(dir.resolve("sftp-root/out"));
		byte[] small = new byte[2048];
		new Random(7).nextBytes(small);
		for (int i = 0; i < files; i++) {
			Files.write(remote.resolve(String.format("stock-%05d.jsonl", i)), small);
		}
		SshServer server = SshServer.setUpDefaultServer();
		server.setHost("127.0.0.1");
		server.setPort(0);
		server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("bench-host.key")));
		server.setPasswordAuthenticator((user, password, session) -> "bench".equals(password));
		server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
		server.setFileSystemFactory(new VirtualFileSystemFactory(dir.resolve("sftp-root")));
		server.start();
		PublicKey hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
		Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port",
				String.valueOf(server.getPort()), "user", "bench", "directory", "/out", "hostKey",
				KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey), "stable", "name", "after", "leave",
				"maxFiles", String.valueOf(files + 1)));
		try (Store store = Store.openH2(dir.resolve("sftp-db"));
				LocalRuntime runtime = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("sftp-data"),
						demo.resolve("mappings")));
				SftpTransport transport = new SftpTransport()) {
			raw(server.getPort(), dir.resolve("warm"), 100); // warm-up, both ways
			taken(runtime, transport, settings, "warm", 0);
			long rawSmall = raw(server.getPort(), dir.resolve("raw-small"), files);
			long oursSmall = taken(runtime, transport, settings, "small", files);
			System.out.printf(Locale.ROOT, "sftp: %d files of 2 KB: raw MINA client %.0f files/s, SFTP endpoint "
					+ "(downloaded, journaled, claimed) %.0f files/s, %.2f× (goal ≥ 0.8×)%n", files, files * 1e9 / rawSmall,
					files * 1e9 / oursSmall, (double) rawSmall / oursSmall);
			for (int i = 0; i < files; i++) {
				Files.delete(remote.resolve(String.format("stock-%05d.jsonl", i)));
			}
			Path large = remote.resolve("snapshot-large.jsonl");
			try (OutputStream out = Files.newOutputStream(large, StandardOpenOption.CREATE_NEW)) {
				byte[] line = "{\"eventId\":\"e-00000000\",\"type\":\"RECEIPT\",\"item\":\"HS-100101\",\"qty\":1}\n"
						.getBytes(StandardCharsets.US_ASCII);
				for (long written = 0; written < (long) largeMb << 20; written += line.length) {
					out.write(line);
				}
			}
			long rawLarge = raw(server.getPort(), dir.resolve("raw-large"), 1);
			AtomicLong peak = new AtomicLong();
			Thread sampler = heapSampler(peak);
			long oursLarge = taken(runtime, transport, settings, "large", 1);
			sampler.interrupt();
			System.out.printf(Locale.ROOT, "sftp: one file of %d MB: raw MINA client %.0f MB/s, SFTP endpoint %.0f MB/s "
					+ "(streamed into the journal, gzip and SHA-256 on the way), %.2f×; peak heap %d MB of %d MB%n",
					largeMb, largeMb * 1e9 / rawLarge, largeMb * 1e9 / oursLarge, (double) rawLarge / oursLarge,
					peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
		} finally {
			server.stop(true);
		}
	}

	/** Downloads every file of /out with the raw client, to disk; nanoseconds taken. */
	private static long raw(int port, Path into, int expected) throws Exception {
		Files.createDirectories(into);
		SshClient client = SshClient.setUpDefaultClient();
		client.setServerKeyVerifier((session, address, key) -> true);
		client.start();
		long start = System.nanoTime();
		int done = 0;
		try (ClientSession session = client.connect("bench", "127.0.0.1", port).verify(Duration.ofSeconds(10))
				.getSession()) {
			session.addPasswordIdentity("bench");
			session.auth().verify(Duration.ofSeconds(10));
			try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
				for (SftpClient.DirEntry entry : sftp.readDir("/out")) {
					if (!entry.getAttributes().isRegularFile() || done >= expected) {
						continue;
					}
					try (InputStream in = sftp.read("/out/" + entry.getFilename())) {
						Files.copy(in, into.resolve(entry.getFilename()));
					}
					done++;
				}
			}
		} finally {
			client.stop();
		}
		return System.nanoTime() - start;
	}

	/** Takes what /out holds through an SFTP endpoint into the runtime's journal; nanoseconds taken. */
	private static long taken(LocalRuntime runtime, SftpTransport transport, Map<String, String> settings, String id,
			int expected) {
		runtime.saveEndpoint(EndpointConfig.of("wms-" + id, "wms", "in", "sftp", settings, 60),
				Map.of("password", "bench"), "bench");
		EndpointPushes pushes = new EndpointPushes(runtime);
		Endpoint endpoint = new Endpoint(runtime.tenantId(), "wms-" + id, "wms", Endpoint.Direction.IN,
				EndpointKind.SFTP, settings, Map.of("password", "bench"), Duration.ofSeconds(60), List.of(), true);
		Transport.Receiver receiver = new Transport.Receiver() {
			@Override
			public boolean seen(String pickupKey) {
				return pushes.taken(endpoint, pickupKey);
			}

			@Override
			public long receive(String pickupKey, String name, InputStream content) {
				return pushes.journal(endpoint, pickupKey, name, content).orElse(-1); // as the endpoint runner does
			}
		};
		long start = System.nanoTime();
		Transport.Polled polled = transport.poll(endpoint, receiver);
		long took = System.nanoTime() - start;
		if (expected > 0 && polled.taken() != expected) {
			throw new IllegalStateException("took " + polled.taken() + " of " + expected);
		}
		return took;
	}

	private static Thread heapSampler(AtomicLong peak) {
		var memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(2);
				} catch (InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		return sampler;
	}

	static void webhook(Path demo, Path dir, int requests) throws Exception {
		System.setProperty("syncline.secretsKey", SecretBox.newKey());
		String secret = "shpss_bench";
		try (Store store = Store.openH2(dir.resolve("hook-db"));
				LocalRuntime runtime = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("hook-data"),
						demo.resolve("mappings")));
				RuntimeServer server = RuntimeServer.start(ServerSettings.loopback(0), runtime, "bench")) {
			runtime.saveEndpoint(EndpointConfig.of("shop-hooks", "shop", "in", "webhook",
					Map.of("signature", "shopify", "ratePerSecond", "1000"), null), Map.of("signingSecret", secret),
					"bench");
			EndpointPushes pushes = new EndpointPushes(runtime);
			Endpoint endpoint = pushes.endpoint("shop-hooks", EndpointKind.WEBHOOK).orElseThrow();
			HttpClient http = HttpClient.newHttpClient();
			paced(requests / 4, i -> post(http, server.url(), secret, "warm-" + i)); // warm-up, both ways
			paced(requests / 4, i -> pushes.receive(endpoint, "warm-local-" + i, "o.json",
					new java.io.ByteArrayInputStream(body("warm-local-" + i))));
			long[] inProcess = paced(requests, i -> pushes.receive(endpoint, "local-" + i, "o.json",
					new java.io.ByteArrayInputStream(body("local-" + i))));
			long[] overHttp = paced(requests, i -> post(http, server.url(), secret, "http-" + i));
			System.out.printf(Locale.ROOT, "webhook: %d signed deliveries at 200/s, each journaled before its 200%n",
					requests);
			print("journaled in process", inProcess);
			print("over HTTP (Jetty)", overHttp);
			System.out.printf(Locale.ROOT, "  p99 over HTTP %.1f ms (goal ≤ 50 ms)%n", overHttp[overHttp.length * 99 / 100]
					/ 1e6);
		}
	}

	static void as2(Path demo, Path dir, int messages) throws Exception {
		System.setProperty("syncline.secretsKey", SecretBox.newKey());
		io.syncline.testing.TestCertificates harbor = io.syncline.testing.TestCertificates.make("harbor",
				Duration.ofDays(365));
		io.syncline.testing.TestCertificates bigbox = io.syncline.testing.TestCertificates.make("bigbox",
				Duration.ofDays(365));
		byte[] order = Files.readAllBytes(demo.resolve("samples/edi/bigbox-850-customer-order.edi"));
		try (Store store = Store.openH2(dir.resolve("as2-db"));
				LocalRuntime runtime = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("as2-data"),
						demo.resolve("mappings")));
				RuntimeServer server = RuntimeServer.start(ServerSettings.loopback(0), runtime, "bench");
				io.syncline.transport.as2.As2Transport sender = new io.syncline.transport.as2.As2Transport()) {
			Map<String, String> secured = Map.of("as2From", "BIGBOXRETAIL", "as2To", "HARBORSUPPLY",
					"partnerCertificate", bigbox.pem());
			Map<String, String> plain = new HashMap<>(secured);
			plain.put("requireSigned", "false");
			plain.put("requireEncrypted", "false");
			Map<String, String> keys = Map.of("keyStore", harbor.keyStore(), "keyStorePassword", harbor.password());
			runtime.saveEndpoint(EndpointConfig.of("bigbox-as2", "bigbox", "in", "as2", secured, null), keys, "bench");
			runtime.saveEndpoint(EndpointConfig.of("bigbox-plain", "bigbox", "in", "as2", plain, null), keys, "bench");
			Map<String, String> out = new HashMap<>(Map.of("as2From", "BIGBOXRETAIL", "as2To", "HARBORSUPPLY",
					"partnerCertificate", harbor.pem()));
			Map<String, String> outPlain = new HashMap<>(out);
			outPlain.putAll(Map.of("sign", "none", "encrypt", "none", "signedReceipt", "false"));
			out.put("url", server.url() + "/as2/harbor/bigbox-as2");
			outPlain.put("url", server.url() + "/as2/harbor/bigbox-plain");
			Map<String, String> senderKeys = Map.of("keyStore", bigbox.keyStore(), "keyStorePassword", bigbox.password());
			Endpoint securedOut = new Endpoint("bigbox", "out", "harbor", Endpoint.Direction.OUT, EndpointKind.AS2, out,
					senderKeys, Duration.ZERO, List.of(), true);
			Endpoint plainOut = new Endpoint("bigbox", "plain", "harbor", Endpoint.Direction.OUT, EndpointKind.AS2,
					outPlain, senderKeys, Duration.ZERO, List.of(), true);
			send(sender, plainOut, order, "warm-plain", messages / 5);
			send(sender, securedOut, order, "warm", messages / 5);
			long plainNanos = send(sender, plainOut, order, "plain", messages);
			long securedNanos = send(sender, securedOut, order, "secured", messages);
			System.out.printf(Locale.ROOT, "as2: %d BigBox 850s one after another, each journaled before its receipt%n",
					messages);
			System.out.printf(Locale.ROOT, "  unsigned, unencrypted, unsigned receipt   %6.1f messages/s%n",
					messages * 1e9 / plainNanos);
			System.out.printf(Locale.ROOT, "  signed, encrypted (AES-256, RSA 2048), signed receipt with MIC   %6.1f "
					+ "messages/s, %.2f× the plain ones%n", messages * 1e9 / securedNanos, (double) plainNanos / securedNanos);
		}
	}

	private static long send(io.syncline.transport.as2.As2Transport sender, Endpoint endpoint, byte[] order, String run,
			int messages) {
		long start = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			byte[] bytes = new String(order, StandardCharsets.US_ASCII).replace("BB-7730021",
					String.format("%s-%05d", run, i)).getBytes(StandardCharsets.US_ASCII);
			sender.deliver(endpoint, new Transport.Outgoing(run + "-" + i, "bigbox-850.edi", bytes.length,
					() -> new java.io.ByteArrayInputStream(bytes)));
		}
		return System.nanoTime() - start;
	}

	private static byte[] body(String id) {
		return ("{\"orders\": [{\"id\": \"" + id + "\", \"name\": \"#B\", \"line_items\": [{\"sku\": \"HS-001003\", "
				+ "\"quantity\": 1, \"price\": 70.29}]}]}").getBytes(StandardCharsets.UTF_8);
	}

	private static void post(HttpClient http, String url, String secret, String id) {
		byte[] body = body(id);
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/hooks/harbor/shop-hooks"))
					.header("X-Shopify-Hmac-Sha256", WebhookSignatures.sign(secret.getBytes(StandardCharsets.UTF_8), body))
					.header("X-Shopify-Webhook-Id", id).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
					HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("webhook answered " + response.statusCode());
			}
		} catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Runs {@code count} calls at 200 a second; each call's time, sorted. */
	private static long[] paced(int count, java.util.function.IntConsumer call) throws InterruptedException {
		long[] took = new long[count];
		long interval = 1_000_000_000L / 200;
		long next = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			long start = System.nanoTime();
			call.accept(i);
			took[i] = System.nanoTime() - start;
			next += interval;
		}
		Arrays.sort(took);
		return took;
	}

	private static void print(String what, long[] sorted) {
		System.out.printf(Locale.ROOT, "  %-24s p50 %7.2f ms  p99 %7.2f ms%n", what, sorted[sorted.length / 2] / 1e6,
				sorted[sorted.length * 99 / 100] / 1e6);
	}
}
