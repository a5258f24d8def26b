package io.syncline.mapping.internal;

import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import io.syncline.formats.Node;
import io.syncline.mapping.MapOutcome;

/**
 * Maps records on helper threads as well as the caller's, and hands every outcome to the sink on the caller's thread
 * in source order. Records are gathered into chunks and every chunk is offered to the helpers; when too many are
 * held, the caller hands on the oldest, mapping any chunk no helper has started rather than wait, so no core idles
 * while there is work. A helper that never gets to its chunk (its pool busy elsewhere) costs nothing but the caller's
 * time. At most a few chunks per helper are held, so memory stays flat.
 */
public final class OrderedMapping {

	static final int CHUNK = 256;

	private final Function<Node, MapOutcome> map;
	private final Consumer<MapOutcome> sink;
	private final Executor pool;
	private final int held;
	private final ArrayDeque<Chunk> pending = new ArrayDeque<>();
	/** Null without helpers: then each record is mapped and handed on at once, with no chunk to fill. */
	private Chunk filling;

	/** @param helpers how many threads of the pool may map at once; 0 maps everything on the caller's thread */
	public OrderedMapping(Function<Node, MapOutcome> map, Consumer<MapOutcome> sink, Executor pool, int helpers) {
		this.map = map;
		this.sink = sink;
		this.pool = helpers > 0 ? pool : null;
		this.held = 2 * helpers + 1;
		this.filling = helpers > 0 ? new Chunk() : null;
	}

	/** A record to map, in source order. */
	public void map(Node record) {
		if (filling == null) {
			sink.accept(map.apply(record));
			return;
		}
		filling.add(record);
		if (filling.full()) {
			dispatch();
		}
	}

	/** An outcome already known, such as a format problem; it keeps its place between the records. */
	public void ready(MapOutcome outcome) {
		if (filling == null) {
			sink.accept(outcome);
			return;
		}
		filling.add(outcome);
		if (filling.full()) {
			dispatch();
		}
	}

	/** Maps and hands on everything still held. */
	public void finish() {
		if (filling == null) {
			return;
		}
		dispatch();
		while (!pending.isEmpty()) {
			handOnOldest();
		}
	}

	private void dispatch() {
		Chunk chunk = filling;
		filling = new Chunk();
		pending.add(chunk);
		pool.execute(() -> chunk.runIfUnclaimed(map));
		while (pending.size() > held) {
			handOnOldest();
		}
	}

	private void handOnOldest() {
		Chunk oldest = pending.peek();
		while (!oldest.isDone()) {
			Chunk unstarted = firstUnclaimed();
			if (unstarted == null) {
				break; // every chunk is being mapped; wait for the oldest
			}
			unstarted.runIfUnclaimed(map);
		}
		pending.poll().handOn(sink);
	}

	private Chunk firstUnclaimed() {
		for (Chunk chunk : pending) {
			if (!chunk.isClaimed()) {
				return chunk;
			}
		}
		return null;
	}

	/** Up to {@link #CHUNK} items: records to map, or outcomes already known; mapped by whoever claims it first. */
	private static final class Chunk {
		private final Object[] items = new Object[CHUNK];
		private int size;
		private final AtomicBoolean claimed = new AtomicBoolean();
		private final CountDownLatch done = new CountDownLatch(1);
		private volatile Throwable failure;

		void add(Object item) {
			items[size++] = item;
		}

		boolean full() {
			return size == CHUNK;
		}

		boolean isClaimed() {
			return claimed.get();
		}

		boolean isDone() {
			return done.getCount() == 0;
		}

		void runIfUnclaimed(Function<Node, MapOutcome> map) {
			if (!claimed.compareAndSet(false, true)) {
				return;
			}
			try {
				for (int i = 0; i < size; i++) {
					if (items[i] instanceof Node record) {
						items[i] = map.apply(record);
					}
				}
			} catch (RuntimeException | Error e) {
				failure = e;
			} finally {
				done.countDown();
			}
		}

		void handOn(Consumer<MapOutcome> sink) {
			try {
				done.await();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for records being mapped", e);
			}
			if (failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failure instanceof Error error) {
				throw error;
			}
			for (int i = 0; i < size; i++) {
				sink.accept((MapOutcome) items[i]);
				items[i] = null;
			}
		}
	}
}
