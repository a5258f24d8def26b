package io.syncline.runtime.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.api.WorkerStatus;

/**
 * The background workers of a runtime (the inbox, the retries, the SLA checker) and the units of work each holds.
 * A watch looks at them every second, as the console's UI watchdog looks at its UI thread: a unit held longer than
 * its worker's bound without progress is reported once, with a WARN line naming the worker, the unit and its
 * thread's stack, and to the listeners (events, {@code /health/ready}); and again once it moves or ends.
 */
public final class Workers implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

	/** How long a unit may go without progress before it is reported: {@code SYNCLINE_WORKER_BOUND}, ISO or s. */
	public static final Duration DEFAULT_BOUND = Duration.ofSeconds(60);

	/** Who hears of a unit that got stuck and of one that moved again. */
	public interface Listener {
		void stuck(String worker, Unit unit, Duration withoutProgress);

		void recovered(String worker, Unit unit, Duration stuckFor);

		/** Its caller stopped waiting for the unit; what it {@link Unit#held() holds} waits for it to end. */
		default void abandoned(String worker, Unit unit, Duration withoutProgress) {
		}
	}

	private final Clock clock;
	private final Map<String, Worker> workers = new ConcurrentHashMap<>();
	private final ThreadLocal<Unit> current = new ThreadLocal<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private ScheduledExecutorService watch;

	public Workers() {
		this(Clock.systemUTC());
	}

	/** Workers watched on {@code clock} (tests move it). */
	public Workers(Clock clock) {
		this.clock = clock;
	}

	/** The bound of the environment ({@code SYNCLINE_WORKER_BOUND}: {@code PT90S} or {@code 90}), or 60 s. */
	public static Duration configuredBound() {
		String value = System.getenv("SYNCLINE_WORKER_BOUND");
		if (value == null || value.isBlank()) {
			return DEFAULT_BOUND;
		}
		try {
			Duration bound = value.strip().startsWith("P") ? Duration.parse(value.strip())
					: Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000));
			if (bound.isNegative() || bound.isZero()) {
				throw new IllegalArgumentException("it must be positive");
			}
			return bound;
		} catch (RuntimeException e) {
			throw new IllegalArgumentException("SYNCLINE_WORKER_BOUND=" + value + " is not a duration (PT90S, or "
					+ "seconds): " + e.getMessage(), e);
		}
	}

	/** A worker, by a name that says what it does; registering a name again gives the same worker. */
	public Worker register(String name, Duration bound) {
		return workers.computeIfAbsent(name, n -> new Worker(n, bound));
	}

	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	/** Every worker's state, by name. */
	public List<WorkerStatus> statuses() {
		return workers.values().stream().sorted(Comparator.comparing(w -> w.name)).map(Worker::status).toList();
	}

	/** The unit this thread works on, if any. */
	public java.util.Optional<Unit> current() {
		return java.util.Optional.ofNullable(current.get());
	}

	/** Tells the watch that the unit this thread works on moved (a chunk committed); nothing outside a unit. */
	public void progressed() {
		Unit unit = current.get();
		if (unit != null) {
			unit.progressed();
		}
	}

	/** Looks at every unit once (the watch does so every second); returns the units stuck now. */
	public List<Unit> check() {
		List<Unit> stuck = new ArrayList<>();
		Instant now = clock.instant();
		for (Worker worker : workers.values()) {
			for (Unit unit : worker.units) {
				synchronized (unit) {
					Duration still = Duration.between(unit.lastProgress, now);
					if (still.compareTo(worker.bound) >= 0 && worker.units.contains(unit)) {
						stuck.add(unit);
						if (!unit.stuck) {
							unit.stuck = true;
							report(worker, unit, still);
						}
					}
				}
			}
		}
		return stuck;
	}

	private void report(Worker worker, Unit unit, Duration still) {
		StringBuilder stack = new StringBuilder();
		for (StackTraceElement frame : unit.thread.getStackTrace()) {
			stack.append("\n\tat ").append(frame);
		}
		LOG.warn("worker {} is stuck: {} on thread {} for {} s without progress (bound {} s){}", worker.name,
				unit.what, unit.thread.getName(), still.toSeconds(), worker.bound.toSeconds(), stack);
		for (Listener listener : listeners) {
			listener.stuck(worker.name, unit, still);
		}
	}

	private void recovered(Worker worker, Unit unit, Duration stuckFor) {
		LOG.warn("worker {} moved again: {} after {} s without progress", worker.name, unit.what,
				stuckFor.toSeconds());
		for (Listener listener : listeners) {
			listener.recovered(worker.name, unit, stuckFor);
		}
	}

	/** Starts the watch thread, once. */
	public synchronized void startWatching() {
		if (watch != null) {
			return;
		}
		watch = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "syncline-worker-watch");
			thread.setDaemon(true);
			return thread;
		});
		watch.scheduleWithFixedDelay(() -> {
			try {
				check();
			} catch (RuntimeException e) {
				LOG.error("the worker watch failed to look: {}", e.toString());
			}
		}, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public synchronized void close() {
		if (watch != null) {
			watch.shutdownNow();
			watch = null;
		}
	}

	/** A background worker and the units of work it holds now (one per thread it runs on). */
	public final class Worker {
		private final String name;
		private final Duration bound;
		private final Set<Unit> units = ConcurrentHashMap.newKeySet();
		private final AtomicInteger abandoned = new AtomicInteger();

		private Worker(String name, Duration bound) {
			this.name = name;
			this.bound = bound;
		}

		public String name() {
			return name;
		}

		public Duration bound() {
			return bound;
		}

		/**
		 * Starts a unit of work on this thread; {@code tenantId} is whose work it is (null: the runtime's), and
		 * {@code what} names it for a person (a partner and its files). Close it when the work ends.
		 */
		public Unit begin(String tenantId, String what) {
			Unit unit = new Unit(this, tenantId, what, Thread.currentThread(), clock.instant());
			units.add(unit);
			current.set(unit);
			return unit;
		}

		/** Counts a unit its caller stopped waiting for (it ran far past the bound); it is still watched. */
		public void abandoned(Unit unit) {
			abandoned.incrementAndGet();
			Duration still = Duration.between(unit.lastProgress, clock.instant());
			LOG.warn("worker {} abandoned {} on thread {} after {} s without progress: other work goes on without it",
					name, unit.what, unit.thread.getName(), still.toSeconds());
			for (Listener listener : listeners) {
				listener.abandoned(name, unit, still);
			}
		}

		WorkerStatus status() {
			// the unit told is a stuck one if there is one, else the one held longest
			Comparator<Unit> told = Comparator.comparing((Unit u) -> !u.stuck()).thenComparing(u -> u.since);
			Unit unit = units.stream().min(told).orElse(null);
			if (unit == null) {
				return new WorkerStatus(name, WorkerStatus.State.IDLE, null, null, null, bound.toMillis(),
						abandoned.get());
			}
			return new WorkerStatus(name, unit.stuck() ? WorkerStatus.State.STUCK : WorkerStatus.State.BUSY,
					unit.what, unit.since, unit.lastProgress, bound.toMillis(), abandoned.get());
		}
	}

	/** One unit of work a worker holds: a partner's batch of files, a due retry, an SLA check of a tenant. */
	public final class Unit implements AutoCloseable {
		private final Worker worker;
		private final String tenantId;
		private final String what;
		private final Thread thread;
		private final Instant since;
		private volatile Instant lastProgress;
		private volatile boolean stuck;
		private final List<String> held = new CopyOnWriteArrayList<>();

		private Unit(Worker worker, String tenantId, String what, Thread thread, Instant since) {
			this.worker = worker;
			this.tenantId = tenantId;
			this.what = what;
			this.thread = thread;
			this.since = since;
			this.lastProgress = since;
		}

		public String tenantId() {
			return tenantId;
		}

		public String what() {
			return what;
		}

		public Thread thread() {
			return thread;
		}

		public Instant since() {
			return since;
		}

		public Instant lastProgress() {
			return lastProgress;
		}

		/** Notes what the unit holds (an inbox claim), for whoever handles it if the unit is abandoned. */
		public void hold(String key) {
			held.add(key);
		}

		public List<String> held() {
			return List.copyOf(held);
		}

		/** Whether the watch reported this unit stuck and it has not moved since. */
		public boolean stuck() {
			return stuck;
		}

		/** The unit moved: a stuck one is reported moving again. */
		public synchronized void progressed() {
			Instant before = lastProgress;
			lastProgress = clock.instant();
			if (stuck) {
				stuck = false;
				recovered(worker, this, Duration.between(before, lastProgress));
			}
		}

		@Override
		public synchronized void close() {
			worker.units.remove(this);
			if (current.get() == this) {
				current.remove();
			}
			if (stuck) {
				stuck = false;
				recovered(worker, this, Duration.between(lastProgress, clock.instant()));
			}
		}
	}
}
