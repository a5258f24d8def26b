package io.syncline.runtime.cli;

import java.io.PrintStream;

import org.slf4j.LoggerFactory;

import io.syncline.runtime.api.RuntimeFailure;

/**
 * Ends the process on an error it cannot go on from (out of memory, a stack overflow, an error escaping a command
 * or a background thread): one line on stderr naming what was being processed, the whole trace in the log file,
 * and exit code {@link RuntimeCommand#FATAL}. It halts rather than exits, so no shutdown hook or thread left
 * waiting can keep a broken process alive; the store is crash-safe, and a message being processed resumes from
 * its checkpoint at the next start.
 */
public final class Fatal {

	/** The logger whose entries go to the log file only, so the terminal gets one line. */
	public static final String LOGGER = "io.syncline.fatal";

	private Fatal() {
	}

	public static void exit(String doing, Throwable error) {
		exit(doing, error, System.err);
	}

	static void exit(String doing, Throwable error, PrintStream err) {
		if (!ENDING.compareAndSet(false, true)) {
			// another thread is already saying why the process ends; one line is all a person should read
			parkUntilHalted();
		}
		try {
			err.println(doing + ": fatal: " + describe(error));
			err.flush();
			LoggerFactory.getLogger(LOGGER).error("{}: fatal", doing, error);
		} catch (Throwable alsoFailing) {
			// nothing more can be said; the exit code still tells
		} finally {
			Runtime.getRuntime().halt(RuntimeCommand.FATAL);
		}
	}

	/**
	 * The error with what was being done when it struck ("map of FILE at record N"), for {@link #exit}; the
	 * original is its cause, for the log.
	 */
	public static Error within(String doing, Error error) {
		return new InContext(doing + ": " + describe(error), error);
	}

	private static final class InContext extends Error {
		private static final long serialVersionUID = 1L;

		InContext(String message, Error cause) {
			super(message, cause);
		}
	}

	private static String describe(Throwable error) {
		if (error instanceof InContext) {
			return error.getMessage();
		}
		if (error instanceof OutOfMemoryError) {
			return "out of memory (" + (error.getMessage() == null ? "heap" : error.getMessage())
					+ "; -Xmx in SYNCLINE_JAVA_OPTS sets the heap)";
		}
		if (error instanceof StackOverflowError) {
			return "stack overflow";
		}
		return RuntimeFailure.reasonOf(error);
	}

	private static final java.util.concurrent.atomic.AtomicBoolean ENDING = new java.util.concurrent.atomic.AtomicBoolean();

	/**
	 * How long a background thread that died waits before it ends the process: an error such as running out of memory
	 * usually strikes the thread doing the work too, and that one can say what was being processed (a heap nearly full
	 * collects for seconds before that thread gets its turn to say so).
	 */
	private static final long BACKGROUND_GRACE_MILLIS = 5_000;

	private static void parkUntilHalted() {
		while (true) {
			try {
				Thread.sleep(Long.MAX_VALUE);
			} catch (InterruptedException e) {
				// keep waiting: the process is ending
			}
		}
	}

	/** Makes every thread that dies of an {@link Error} end the process the same way. */
	public static void onUncaughtErrors() {
		Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
			if (error instanceof Error) {
				try {
					Thread.sleep(BACKGROUND_GRACE_MILLIS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				exit("thread " + thread.getName(), error);
			} else if (previous != null) {
				previous.uncaughtException(thread, error);
			} else {
				LoggerFactory.getLogger(LOGGER).error("thread {} ended: {}", thread.getName(), error.toString(), error);
			}
		});
	}
}
