package io.syncline.runtime.server.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per client address in a sliding window: past the limit, the address is refused (429)
 * until its oldest failure leaves the window, so guessing tokens costs a minute per handful of tries.
 */
final class FailureLimiter {

	private final int limit;
	private final long windowNanos;
	private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

	FailureLimiter(int limit, Duration window) {
		this.limit = limit;
		this.windowNanos = window.toNanos();
	}

	/** Seconds until the address may try again, or 0 if it may now. */
	long blockedFor(String address) {
		ArrayDeque<Long> times = failures.get(address);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			long now = System.nanoTime();
			while (!times.isEmpty() && now - times.peekFirst() > windowNanos) {
				times.removeFirst();
			}
			if (times.isEmpty()) {
				failures.remove(address, times);
				return 0;
			}
			return times.size() < limit ? 0 : Math.max(1, (windowNanos - (now - times.peekFirst())) / 1_000_000_000L);
		}
	}

	void failed(String address) {
		if (failures.size() > 100_000) {
			failures.clear(); // a flood from many addresses: forget rather than grow without bound
		}
		ArrayDeque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(System.nanoTime());
			if (times.size() > limit) {
				times.removeFirst();
			}
		}
	}
}
