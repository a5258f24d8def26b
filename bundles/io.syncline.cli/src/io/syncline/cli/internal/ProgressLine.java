package io.syncline.cli.internal;

import java.io.PrintStream;

/**
 * Progress of a long command on stderr: records done, their rate and the share of the input's bytes read. On a
 * terminal it is one line rewritten in place; otherwise (a log, a pipe) a line every few seconds, so a log is not
 * flooded. The launcher tells which ({@code -Dsyncline.stderr.tty}), as Java cannot.
 */
final class ProgressLine {

	private static final long LIVE_EVERY_NANOS = 200_000_000L;
	private static final long LOGGED_EVERY_NANOS = 5_000_000_000L;

	private final PrintStream err;
	private final String label;
	private final boolean live;
	private final long started = System.nanoTime();
	private long lastShown = started;
	private boolean shownLive;

	ProgressLine(PrintStream err, String label) {
		this(err, label, Boolean.getBoolean("syncline.stderr.tty"));
	}

	ProgressLine(PrintStream err, String label, boolean live) {
		this.err = err;
		this.label = label;
		this.live = live;
	}

	/** Shows the progress if enough time passed since it was last shown. */
	synchronized void update(long records, long bytesRead, long totalBytes) {
		long now = System.nanoTime();
		if (now - lastShown < (live ? LIVE_EVERY_NANOS : LOGGED_EVERY_NANOS)) {
			return;
		}
		lastShown = now;
		String text = describe(records, bytesRead, totalBytes, now);
		if (live) {
			err.print("\r" + text + "\033[K");
			shownLive = true;
		} else {
			err.println(text);
		}
		err.flush();
	}

	/** Ends a live line, so what follows starts on a line of its own. */
	synchronized void finish() {
		if (shownLive) {
			err.println();
			shownLive = false;
		}
	}

	String describe(long records, long bytesRead, long totalBytes, long now) {
		double seconds = Math.max(1e-9, (now - started) / 1e9);
		String percent = totalBytes > 0 ? String.format(" (%d %% of %,d MB)", Math.min(100, bytesRead * 100 / totalBytes),
				totalBytes >> 20) : "";
		return String.format("%s: %,d records, %,.0f records/s%s", label, records, records / seconds, percent);
	}
}
