package io.syncline.runtime.local.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
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

	private final List<Consumer<RuntimeEvent>> listeners = new CopyOnWriteArrayList<>();
	private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "syncline-events");
		thread.setDaemon(true);
		return thread;
	});

	public Subscription subscribe(Consumer<RuntimeEvent> listener) {
		listeners.add(listener);
		return () -> listeners.remove(listener);
	}

	/** Whether anyone listens: what events would say need not be looked up when no one does. */
	public boolean hasSubscribers() {
		return !listeners.isEmpty();
	}

	public void publish(RuntimeEvent event) {
		if (listeners.isEmpty() || delivery.isShutdown()) {
			return;
		}
		delivery.execute(() -> {
			for (Consumer<RuntimeEvent> listener : listeners) {
				try {
					listener.accept(event);
				} catch (RuntimeException e) {
					LOG.warn("event listener failed on {}: {}", event.type(), e.toString());
				}
			}
		});
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
