package io.syncline.runtime.client.internal;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.StreamState;
import io.syncline.runtime.api.Subscription;
import io.syncline.runtime.wire.Operation;
import io.syncline.runtime.wire.WireJson;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * A tenant's live events over Server-Sent Events (okhttp-sse). A stream that breaks is opened again after 0.5 s,
 * 1 s, 2 s … (at most 30 s), from the last event id seen, so nothing still retained by the runtime is lost or seen
 * twice; {@code onState} hears each loss and each reconnect, for a view to say so.
 */
public final class EventStream implements Subscription {

	private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

	private final Http http;
	private final String tenant;
	private final Consumer<RuntimeEvent> listener;
	private final Consumer<StreamState> onState;
	private final ScheduledExecutorService reconnects;
	private volatile long lastId;
	private volatile EventSource source;
	private volatile boolean closed;
	private int failures;
	private final java.util.concurrent.CountDownLatch firstAnswer = new java.util.concurrent.CountDownLatch(1);

	public EventStream(Http http, String tenant, long afterId, Consumer<RuntimeEvent> listener,
			Consumer<StreamState> onState) {
		this.http = http;
		this.tenant = tenant;
		this.lastId = afterId;
		this.listener = listener;
		this.onState = onState;
		this.reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "syncline-events-" + tenant);
			thread.setDaemon(true);
			return thread;
		});
		open();
		try {
			// the server subscribes before it answers: once open, nothing published from now on is missed
			firstAnswer.await(http.connectTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private synchronized void open() {
		if (closed) {
			return;
		}
		HttpUrl url = http.url(Operation.EVENTS, new Object[] { tenant }, null);
		Request.Builder request = http.request(url).header("Accept", "text/event-stream");
		if (lastId != Long.MAX_VALUE) {
			request.header("Last-Event-ID", Long.toString(lastId));
		}
		source = EventSources.createFactory(http.client().newBuilder().callTimeout(0, TimeUnit.MILLISECONDS).build())
				.newEventSource(request.build(), new Listener());
	}

	private final class Listener extends EventSourceListener {
		@Override
		public void onOpen(EventSource eventSource, Response response) {
			synchronized (EventStream.this) {
				failures = 0;
			}
			firstAnswer.countDown();
			onState.accept(new StreamState(StreamState.Kind.CONNECTED, "live events of " + tenant + " from " + http.url()));
		}

		@Override
		public void onEvent(EventSource eventSource, String id, String type, String data) {
			try {
				RuntimeEvent event = WireJson.mapper().readValue(data, RuntimeEvent.class);
				lastId = event.id();
				listener.accept(event);
			} catch (IOException e) {
				LOG.warn("an event of {} cannot be read: {}", tenant, e.getMessage());
			}
		}

		@Override
		public void onClosed(EventSource eventSource) {
			lost("the runtime ended the stream");
		}

		@Override
		public void onFailure(EventSource eventSource, Throwable error, Response response) {
			String why = response != null ? "HTTP " + response.code() : error == null ? "the stream failed"
					: io.syncline.runtime.api.RuntimeFailure.reasonOf(error);
			if (response != null) {
				response.close();
			}
			lost(why);
		}
	}

	private void lost(String why) {
		firstAnswer.countDown();
		if (closed) {
			return;
		}
		long delay;
		synchronized (this) {
			delay = Math.min(30_000, 500L << Math.min(failures, 6));
			failures++;
		}
		onState.accept(new StreamState(StreamState.Kind.RECONNECTING,
				"live events of " + tenant + " lost (" + why + "); reconnecting in " + delay + " ms"));
		try {
			reconnects.schedule(this::open, delay, TimeUnit.MILLISECONDS);
		} catch (java.util.concurrent.RejectedExecutionException closing) {
			// closed meanwhile
		}
	}

	@Override
	public void close() {
		closed = true;
		EventSource open = source;
		if (open != null) {
			open.cancel();
		}
		reconnects.shutdownNow();
		onState.accept(new StreamState(StreamState.Kind.CLOSED, "live events of " + tenant + " stopped"));
	}
}
