package io.syncline.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a source on a thread of its own while the caller maps what was read, so parsing and mapping use two cores.
 * Records and the problems found between them reach the caller in source order, on the caller's thread, and a
 * fatal format error arrives where it happened. At most a few batches are held, so memory stays flat.
 */
public final class ReadAhead implements RecordReader {

	/** Opens the reader on the reading thread, reporting its problems to the given sink. */
	@FunctionalInterface
	public interface Opener {
		RecordReader open(ProblemSink problems) throws IOException;
	}

	private static final int BATCH = 128;
	private static final int BATCHES_AHEAD = 4;

	/** How reading ended, after the records and problems before it. */
	private record Failure(Throwable cause) {
	}

	private static final Object END = new Object();

	private final BlockingQueue<List<Object>> handed = new ArrayBlockingQueue<>(BATCHES_AHEAD);
	private final ProblemSink problems;
	private final Thread reading;
	private final ArrayDeque<Object> current = new ArrayDeque<>();
	private volatile boolean closed;
	private boolean ended;
	/** The batch being filled; only the reading thread touches it. */
	private List<Object> filling = new ArrayList<>(BATCH);

	public ReadAhead(String sourceName, Opener opener, ProblemSink problems) {
		this.problems = problems;
		this.reading = new Thread(() -> read(opener), "syncline-read " + sourceName);
		reading.setDaemon(true);
		reading.start();
	}

	private void read(Opener opener) {
		// problems are items too, so they keep their place between the records
		try (RecordReader reader = opener.open(problem -> filling.add(problem))) {
			Node record;
			while (!closed && (record = reader.next()) != null) {
				filling.add(record);
				if (filling.size() >= BATCH) {
					hand(filling);
					filling = new ArrayList<>(BATCH);
				}
			}
		} catch (Exception | Error e) {
			filling.add(new Failure(e));
		}
		filling.add(END);
		hand(filling);
	}

	private void hand(List<Object> batch) {
		try {
			while (!closed && !handed.offer(batch, 100, TimeUnit.MILLISECONDS)) {
				// the caller is busy mapping; wait, unless it closed us
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			closed = true;
		}
	}

	@Override
	public Node next() throws IOException, FormatException {
		while (true) {
			Object item = current.poll();
			if (item instanceof Node record) {
				return record;
			} else if (item instanceof Problem problem) {
				problems.report(problem);
			} else if (item instanceof Failure failure) {
				ended = true;
				throw rethrow(failure.cause());
			} else if (item == END) {
				ended = true;
			} else if (ended) {
				return null;
			} else {
				take();
			}
		}
	}

	private void take() throws IOException {
		try {
			current.addAll(handed.take());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while reading ahead", e);
		}
	}

	private static IOException rethrow(Throwable failure) throws IOException, FormatException {
		if (failure instanceof FormatException format) {
			throw format;
		}
		if (failure instanceof IOException io) {
			return io;
		}
		if (failure instanceof UncheckedIOException io) {
			return io.getCause();
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		throw (Error) failure;
	}

	@Override
	public void close() throws IOException {
		closed = true;
		handed.clear();
		try {
			reading.join(TimeUnit.SECONDS.toMillis(10));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
