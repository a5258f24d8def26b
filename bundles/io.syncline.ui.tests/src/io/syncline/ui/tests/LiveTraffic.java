package io.syncline.ui.tests;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.Subscription;

/**
 * WMS stock events submitted one message at a time, as fast as keeps the runtime's events at a rate: the traffic of
 * a busy distributor's warehouse feed. It runs on the thread that calls {@link #run}, in whichever process holds
 * the runtime, and counts the runtime's events, not its own submits.
 */
final class LiveTraffic {

	/** What one run sent: the runtime's events in that time and the newest message id. */
	record Sent(long events, double seconds, long newest) {

		double rate() {
			return events / seconds;
		}
	}

	private final IntegrationRuntime runtime;
	private final String partner;

	LiveTraffic(IntegrationRuntime runtime, String partner) {
		this.runtime = runtime;
		this.partner = partner;
	}

	/** Sends for that long at that many runtime events a second; a failed submit ends the run with it. */
	Sent run(int eventsPerSecond, int seconds) throws InterruptedException {
		AtomicLong events = new AtomicLong();
		long newest = 0;
		try (Subscription counting = runtime.subscribe(event -> events.incrementAndGet())) {
			long start = System.nanoTime();
			long end = start + seconds * 1_000_000_000L;
			for (int i = 0; System.nanoTime() < end; i++) {
				double due = (System.nanoTime() - start) / 1e9 * eventsPerSecond;
				if (events.get() >= due) {
					Thread.sleep(1);
					continue;
				}
				String event = String.format(Locale.ROOT, "{\"eventId\": \"load-%d-%d\", \"type\": \"RECEIPT\", "
						+ "\"item\": \"HS-100101\", \"warehouse\": \"ATL\", \"qty\": 1, \"uom\": \"EA\", "
						+ "\"at\": \"2026-12-03T10:00:00Z\"}%n", start, i);
				long id = runtime.submit(partner, null, "load-" + start + "-" + i + ".jsonl",
						event.getBytes(StandardCharsets.UTF_8)).messageId();
				newest = Math.max(newest, id);
			}
			return new Sent(events.get(), (System.nanoTime() - start) / 1e9, newest);
		}
	}
}
