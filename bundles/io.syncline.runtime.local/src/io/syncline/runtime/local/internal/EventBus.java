package io.syncline.runtime.local.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.Subscription;

/**
 * Delivers runtime events to subscribers on one thread of its own, in order: a slow or failing listener (a view
 * repainting) never holds up or breaks the pipeline that raised the event.
 */
public final class EventBus implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

	private static final String DELIVERY_THREAD = "syncline-events";

	private final List<Consumer<RuntimeEvent>> listeners = new CopyOnWriteArrayList<>();
	private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, DELIVERY_THREAD);
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Events kept for subscribers that reconnect, the newest this many; they are kept from the first subscriber
	 * on, also while none is connected, so one that comes back finds what it missed (a runtime no one ever
	 * subscribed to, such as a command-line ingest, does not even make them).
	 */
	static final int RETAINED = 10_000;

	private final AtomicLong ids = new AtomicLong();
	private final ArrayDeque<RuntimeEvent> retained = new ArrayDeque<>();
	/** The id of the last event handed to the listeners; read and written on the delivery thread only. */
	private long delivered;

	private volatile boolean wanted;

	public Subscription subscribe(Consumer<RuntimeEvent> listener) {
		wanted = true;
		listeners.add(listener);
		return () -> listeners.remove(listener);
	}

	/**
	 * Replays the retained events with ids above {@code afterId}, then delivers the live ones, none twice: both on
	 * the delivery thread, which knows which events it has handed on and which are still queued.
	 */
	public Subscription subscribe(long afterId, Consumer<RuntimeEvent> listener) {
		wanted = true;
		Runnable register = () -> {
			List<RuntimeEvent> missed;
			synchronized (retained) {
				missed = retained.stream().filter(e -> e.id() > afterId && e.id() <= delivered).toList();
			}
			for (RuntimeEvent event : missed) {
				deliver(listener, event);
			}
			listeners.add(listener);
		};
		if (Thread.currentThread().getName().equals(DELIVERY_THREAD)) {
			register.run(); // a listener subscribing from its callback: already on the delivery thread
			return () -> listeners.remove(listener);
		}
		Future<?> registered = delivery.submit(register);
		try {
			registered.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (java.util.concurrent.ExecutionException e) {
			throw new IllegalStateException("cannot subscribe: " + e.getCause(), e.getCause());
		}
		return () -> listeners.remove(listener);
	}

	/** Whether events are wanted: what they would say need not be looked up for a runtime no one listens to. */
	public boolean hasSubscribers() {
		return wanted;
	}

	public void publish(RuntimeEvent unnumbered) {
		if (!wanted || delivery.isShutdown()) {
			return;
		}
		RuntimeEvent event;
		synchronized (retained) {
			// numbered and queued under one lock, so ids reach the delivery thread in order
			event = unnumbered.withId(ids.incrementAndGet());
			retained.addLast(event);
			if (retained.size() > RETAINED) {
				retained.removeFirst();
			}
			delivery.execute(() -> {
				for (Consumer<RuntimeEvent> listener : listeners) {
					deliver(listener, event);
				}
				delivered = event.id();
			});
		}
	}

	private static void deliver(Consumer<RuntimeEvent> listener, RuntimeEvent event) {
		try {
			listener.accept(event);
		} catch (RuntimeException e) {
			LOG.warn("event listener failed on {}: {}", event.type(), e.toString());
		}
	}

	@Override
	public void close() {
		delivery.shutdown();
		try {
			delivery.awaitTermination(5, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
