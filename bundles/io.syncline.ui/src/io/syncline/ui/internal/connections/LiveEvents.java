package io.syncline.ui.internal.connections;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.api.StreamState;
import io.syncline.runtime.api.Subscription;

/**
 * The active runtime's live events, one subscription for the whole console however many views listen: a remote
 * runtime is one event stream, not one per view. Listeners hear events and stream states on the stream's thread,
 * must be quick, and move to the UI thread themselves. A lost stream comes back by itself from the last event
 * seen; its state says so meanwhile.
 */
public final class LiveEvents implements AutoCloseable {

	private final List<Consumer<RuntimeEvent>> listeners = new CopyOnWriteArrayList<>();
	private final List<Consumer<StreamState>> stateListeners = new CopyOnWriteArrayList<>();
	private volatile StreamState state = new StreamState(StreamState.Kind.CLOSED, "no live events: no runtime in use");
	private Subscription subscription;
	private long generation;

	/** Follows the runtime's events from now on, leaving the one followed before; null follows none. */
	public void follow(IntegrationRuntime runtime) {
		long mine;
		synchronized (this) {
			stop();
			mine = ++generation;
		}
		if (runtime == null) {
			return;
		}
		try {
			Subscription opened = runtime.subscribe(Long.MAX_VALUE, this::deliver, next -> told(mine, next));
			synchronized (this) {
				if (mine == generation) {
					subscription = opened;
					return;
				}
			}
			opened.close();
		} catch (RuntimeException e) {
			told(mine, new StreamState(StreamState.Kind.CLOSED, "no live events: " + RuntimeFailure.reasonOf(e)));
		}
	}

	private void deliver(RuntimeEvent event) {
		for (Consumer<RuntimeEvent> listener : listeners) {
			listener.accept(event);
		}
	}

	private void told(long from, StreamState next) {
		synchronized (this) {
			if (from != generation) {
				return; // a stream left behind closing
			}
		}
		state = next;
		for (Consumer<StreamState> listener : stateListeners) {
			listener.accept(next);
		}
	}

	public StreamState state() {
		return state;
	}

	public void addListener(Consumer<RuntimeEvent> listener) {
		listeners.add(listener);
	}

	public void removeListener(Consumer<RuntimeEvent> listener) {
		listeners.remove(listener);
	}

	/** Adds a listener of stream states and tells it the current one at once. */
	public void addStateListener(Consumer<StreamState> listener) {
		stateListeners.add(listener);
		listener.accept(state);
	}

	public void removeStateListener(Consumer<StreamState> listener) {
		stateListeners.remove(listener);
	}

	private void stop() {
		if (subscription != null) {
			subscription.close();
			subscription = null;
		}
	}

	@Override
	public synchronized void close() {
		generation++;
		stop();
	}
}
