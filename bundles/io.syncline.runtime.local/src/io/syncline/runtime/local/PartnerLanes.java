package io.syncline.runtime.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How an inbox runs the work of one partner. {@link #DIRECT} runs it on the polling thread. {@link #watched} runs it
 * on a worker thread the runtime's {@link Workers} watch, while the poll waits: one at a time, in the order the poll
 * takes partners, so what is fast stays sequential. A partner whose work goes without progress far past the
 * worker's bound is abandoned: the poll stops waiting and goes on with the next partner on another thread, and the
 * abandoned partner is skipped, its later files waiting in their order, until that work ends. One stuck file cannot
 * hold up every partner and tenant.
 */
public interface PartnerLanes extends AutoCloseable {

	/** The partner's work, or empty when it was skipped (its earlier work still runs) or abandoned now. */
	<T> Optional<T> run(String tenantId, String partner, String what, Callable<T> work) throws Exception;

	@Override
	default void close() {
	}

	/** On the caller's thread, unwatched: tests and one-shot commands. */
	PartnerLanes DIRECT = new PartnerLanes() {
		@Override
		public <T> Optional<T> run(String tenantId, String partner, String what, Callable<T> work) throws Exception {
			return Optional.of(work.call());
		}
	};

	/** Watched by {@code worker}; abandoned after {@code abandonAfter} without progress. */
	static PartnerLanes watched(Workers.Worker worker, Duration abandonAfter) {
		return new Watched(worker, abandonAfter);
	}

	/** See {@link PartnerLanes}. */
	final class Watched implements PartnerLanes {
		private final Workers.Worker worker;
		private final Duration abandonAfter;
		private final Set<String> running = ConcurrentHashMap.newKeySet();
		private final AtomicInteger threads = new AtomicInteger();
		private final ExecutorService pool;

		private Watched(Workers.Worker worker, Duration abandonAfter) {
			this.worker = worker;
			this.abandonAfter = abandonAfter;
			this.pool = Executors.newCachedThreadPool(r -> {
				Thread thread = new Thread(r, worker.name() + "-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}

		@Override
		public <T> Optional<T> run(String tenantId, String partner, String what, Callable<T> work) throws Exception {
			String lane = tenantId + "/" + partner;
			if (!running.add(lane)) {
				return Optional.empty(); // its abandoned work still runs: its files wait behind it, in order
			}
			AtomicReference<Workers.Unit> unit = new AtomicReference<>();
			Future<T> result;
			try {
				result = pool.submit(() -> {
					try (Workers.Unit held = worker.begin(tenantId, lane + ": " + what)) {
						unit.set(held);
						return work.call();
					} finally {
						running.remove(lane);
					}
				});
			} catch (RuntimeException e) {
				running.remove(lane);
				throw e;
			}
			while (true) {
				try {
					return Optional.of(result.get(1, TimeUnit.SECONDS));
				} catch (TimeoutException e) {
					Workers.Unit held = unit.get();
					if (held != null && held.stuck()
							&& Duration.between(held.lastProgress(), Instant.now()).compareTo(abandonAfter) >= 0) {
						worker.abandoned(held);
						return Optional.empty();
					}
				} catch (ExecutionException e) {
					if (e.getCause() instanceof Error fatal) {
						throw fatal;
					}
					throw e.getCause() instanceof Exception cause ? cause : e;
				}
			}
		}

		@Override
		public void close() {
			pool.shutdown();
		}
	}
}
