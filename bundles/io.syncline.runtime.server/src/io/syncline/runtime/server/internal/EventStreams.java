package io.syncline.runtime.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.RuntimeUnavailableException;
import io.syncline.runtime.api.Subscription;
import io.syncline.runtime.wire.WireJson;

/**
 * Live events as Server-Sent Events: each with its id, so a client that reconnects with {@code Last-Event-ID}
 * gets what it missed that the runtime still retains, and a comment line as heartbeat when nothing happens. A
 * stream holds one thread; their number is bounded, and a client too slow to keep up is cut off (it resumes by id).
 */
final class EventStreams {

	private static final int QUEUE = 10_000;
	private static final RuntimeEvent END = new RuntimeEvent(RuntimeEvent.Type.STATUS_CHANGED, null, null, null, null,
			null, null, null, null);

	private final Semaphore slots;
	private final Duration heartbeat;
	private final Set<BlockingQueue<RuntimeEvent>> open = ConcurrentHashMap.newKeySet();
	private volatile boolean stopping;

	EventStreams(int maxStreams, Duration heartbeat) {
		this.slots = new Semaphore(maxStreams);
		this.heartbeat = heartbeat;
	}

	void serve(IntegrationRuntime runtime, Exchange x) throws IOException {
		long after = after(x);
		if (!slots.tryAcquire()) {
			throw new RuntimeUnavailableException("too many event streams are open; try again shortly");
		}
		BlockingQueue<RuntimeEvent> queue = new ArrayBlockingQueue<>(QUEUE);
		open.add(queue);
		try (Subscription subscription = runtime.subscribe(after, event -> {
			if (!queue.offer(event)) {
				queue.clear();
				queue.offer(END); // too slow: end the stream, the client resumes from its last id
			}
		})) {
			x.response().setStatus(200);
			x.response().getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
			x.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
			x.response().getHeaders().put("X-Accel-Buffering", "no");
			try (OutputStream out = Content.Sink.asOutputStream(x.response())) {
				write(out, "retry: 2000\n: stream of tenant " + runtime.tenantId() + "\n\n");
				while (!stopping) {
					RuntimeEvent event = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
					if (event == END) {
						break;
					}
					write(out, event == null ? ": heartbeat\n\n"
							: "id: " + event.id() + "\nevent: " + event.type() + "\ndata: "
									+ WireJson.mapper().writeValueAsString(event) + "\n\n");
				}
			}
			x.callback().succeeded();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			x.callback().succeeded();
		} catch (IOException gone) {
			// the client went away: its subscription ends here
			x.callback().failed(gone);
		} finally {
			open.remove(queue);
			slots.release();
		}
	}

	private static long after(Exchange x) {
		String last = x.header("Last-Event-ID");
		String value = last != null ? last : x.query("after");
		try {
			return value == null ? Long.MAX_VALUE : Long.parseLong(value.strip());
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("Last-Event-ID: '" + value + "' is not an event id");
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/** Ends every stream: the runtime is stopping. */
	void stopping() {
		stopping = true;
		open.forEach(queue -> queue.offer(END));
	}
}
