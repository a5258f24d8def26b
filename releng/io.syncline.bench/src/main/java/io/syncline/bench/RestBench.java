package io.syncline.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.Subscription;
import io.syncline.runtime.client.RemoteRuntime;
import io.syncline.runtime.client.RemoteSettings;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.store.Store;

/**
 * The HTTP API against the in-process call, in the same run, on loopback: the round trip of a journal page (newest
 * first, 50 rows) at a steady 200 requests/s, p50 and p99; the delivery latency of live events, SSE against an
 * in-process subscriber; and how many events a second one SSE stream carries while the runtime makes them as fast
 * as it can. Goal: REST p99 ≤ 25 ms.
 */
final class RestBench {

	private static final int RATE = 200;

	private RestBench() {
	}

	static void run(Path demo, Path dir, int requests) throws Exception {
		try (Store store = Store.openH2(dir.resolve("rest-db"));
				LocalRuntime local = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("rest-data"),
						demo.resolve("mappings")))) {
			for (int i = 0; i < 5_000; i++) {
				local.submit("wms", null, "stray-" + i + ".bin", ("not a known file " + i).getBytes(StandardCharsets.UTF_8));
			}
			String token = local.accessTokens().create("harbor", "bench", Role.VIEWER, Duration.ofHours(1)).secret();
			try (RuntimeServer server = RuntimeServer.start(ServerSettings.loopback(0), local, "bench");
					RemoteRuntime remote = RemoteRuntime.connect(RemoteSettings.of(server.url(), token))) {
				JournalQuery page = JournalQuery.all().newestFirst().pageSize(50);
				paced(local, page, requests / 4); // warm-up
				paced(remote, page, requests / 4);
				long[] inProcess = paced(local, page, requests);
				long[] http = paced(remote, page, requests);
				System.out.printf(Locale.ROOT, "rest: journal page (50 rows, newest first) at %d req/s, %d requests%n",
						RATE, requests);
				print("in-process", inProcess, null);
				print("HTTP (Jetty + OkHttp)", http, inProcess);
				events(local, remote);
			}
		}
	}

	/** Calls at a steady rate (not back to back), so latency is measured as a monitor would meet it. */
	private static long[] paced(IntegrationRuntime runtime, JournalQuery query, int count) {
		long[] nanos = new long[count];
		long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
		long next = System.nanoTime();
		for (int i = 0; i < count; i++) {
			while (System.nanoTime() < next) {
				Thread.onSpinWait();
			}
			long start = System.nanoTime();
			if (runtime.journal(query).items().size() != 50) {
				throw new IllegalStateException("a journal page of 50 was expected");
			}
			nanos[i] = System.nanoTime() - start;
			next += interval;
		}
		Arrays.sort(nanos);
		return nanos;
	}

	private static void print(String what, long[] sorted, long[] baseline) {
		double p50 = sorted[sorted.length / 2] / 1e6;
		double p99 = sorted[(int) (sorted.length * 0.99)] / 1e6;
		System.out.printf(Locale.ROOT, "  %-24s p50 %7.2f ms  p99 %7.2f ms%s%n", what, p50, p99, baseline == null ? ""
				: String.format(Locale.ROOT, "  (%.1f× / %.1f× in-process; goal p99 ≤ 25 ms: %s)",
						p50 / (baseline[baseline.length / 2] / 1e6), p99 / (baseline[(int) (baseline.length * 0.99)] / 1e6),
						p99 <= 25 ? "met" : "NOT met"));
	}

	/** Event delivery: from the moment an event is made to its arrival, SSE against an in-process subscriber. */
	private static void events(LocalRuntime local, RemoteRuntime remote) throws Exception {
		int submits = 400;
		long[] localLatency = new long[submits * 8];
		long[] remoteLatency = new long[submits * 8];
		AtomicLong localCount = new AtomicLong();
		AtomicLong remoteCount = new AtomicLong();
		try (Subscription inProcess = local.subscribe(latency(localLatency, localCount));
				Subscription sse = remote.subscribe(latency(remoteLatency, remoteCount))) {
			long interval = TimeUnit.SECONDS.toNanos(1) / 50;
			long next = System.nanoTime();
			for (int i = 0; i < submits; i++) {
				while (System.nanoTime() < next) {
					Thread.onSpinWait();
				}
				local.submit("wms", null, "paced-" + i + ".bin", "x".getBytes(StandardCharsets.UTF_8));
				next += interval;
			}
			awaitEqual(localCount, remoteCount);
			int n = (int) Math.min(remoteCount.get(), remoteLatency.length);
			long[] l = Arrays.copyOf(localLatency, (int) Math.min(localCount.get(), localLatency.length));
			long[] r = Arrays.copyOf(remoteLatency, n);
			Arrays.sort(l);
			Arrays.sort(r);
			System.out.printf(Locale.ROOT, "rest: event delivery, %d events from %d submits at 50/s%n", n, submits);
			print("in-process subscriber", l, null);
			print("SSE stream", r, l);
			CountDownLatch done = new CountDownLatch(1);
			long burstStart = System.nanoTime();
			long before = remoteCount.get();
			long localBefore = localCount.get();
			Thread producer = new Thread(() -> {
				for (int i = 0; i < 3_000; i++) {
					local.submit("wms", null, "burst-" + i + ".bin", "x".getBytes(StandardCharsets.UTF_8));
				}
				done.countDown();
			});
			producer.start();
			done.await();
			awaitEqual(localCount, remoteCount);
			double seconds = (System.nanoTime() - burstStart) / 1e9;
			System.out.printf(Locale.ROOT, "rest: one SSE stream carried %.0f events/s (%d events in %.1f s) while "
					+ "the in-process subscriber got %.0f/s: %.2f×%n", (remoteCount.get() - before) / seconds,
					remoteCount.get() - before, seconds, (localCount.get() - localBefore) / seconds,
					(double) (remoteCount.get() - before) / (localCount.get() - localBefore));
		}
	}

	private static java.util.function.Consumer<RuntimeEvent> latency(long[] into, AtomicLong count) {
		return event -> {
			long at = count.getAndIncrement();
			if (at < into.length && event.at() != null) {
				into[(int) at] = Duration.between(event.at(), Instant.now()).toNanos();
			}
		};
	}

	private static void awaitEqual(AtomicLong expected, AtomicLong actual) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (actual.get() < expected.get() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}
}
