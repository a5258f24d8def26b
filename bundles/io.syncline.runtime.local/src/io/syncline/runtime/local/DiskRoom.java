package io.syncline.runtime.local;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the disk under the data directory has room for new work. Below the minimum ({@code SYNCLINE_MIN_FREE_MB},
 * 256 MB by default) the runtime takes no new work (the inbox is not polled, a submit is refused with 503) and says
 * so in one line; it finishes what it holds, loses nothing it acknowledged, and takes work again by itself once a
 * quarter more than the minimum is free (so it does not flap at the edge). The minimum keeps the store's own writes
 * from meeting a full disk: a database that cannot write its log stops.
 */
public final class DiskRoom {

	private static final Logger LOG = LoggerFactory.getLogger(DiskRoom.class);

	/** How often the disk is looked at, at most: a statfs call, cheap but not free. */
	private static final long LOOK_EVERY_NANOS = 500_000_000L;

	/** What was seen of the disk. */
	public record Reading(Path directory, String disk, long usableBytes, long totalBytes, boolean full) {

		public String describe(long minimum) {
			double used = totalBytes == 0 ? 0 : 100.0 * (totalBytes - usableBytes) / totalBytes;
			return String.format(Locale.ROOT, "the disk of %s (%s) %s: %s free of %s (%.0f %% used)", directory, disk,
					full ? "is full" : "has room", megabytes(usableBytes), megabytes(totalBytes), used)
					+ (full ? "; new work waits until " + megabytes(minimum * 5 / 4) + " are free" : "");
		}
	}

	private final Path directory;
	private final long minimum;
	private Reading last;
	private long lookedAt;

	public DiskRoom(Path directory, long minimumBytes) {
		this.directory = directory;
		this.minimum = minimumBytes;
	}

	/** The minimum of the environment ({@code SYNCLINE_MIN_FREE_MB}), or 256 MB. */
	public static long configuredMinimum() {
		String value = System.getenv("SYNCLINE_MIN_FREE_MB");
		try {
			return (value == null || value.isBlank() ? 256 : Long.parseLong(value.strip())) << 20;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("SYNCLINE_MIN_FREE_MB=" + value + " is not a number of megabytes", e);
		}
	}

	public long minimum() {
		return minimum;
	}

	/** The disk as seen now (or within the last half second). */
	public synchronized Reading check() {
		long now = System.nanoTime();
		if (last != null && now - lookedAt < LOOK_EVERY_NANOS) {
			return last;
		}
		lookedAt = now;
		Reading reading;
		try {
			FileStore store = Files.getFileStore(directory);
			long usable = store.getUsableSpace();
			boolean wasFull = last != null && last.full();
			boolean full = wasFull ? usable < minimum * 5 / 4 : usable < minimum;
			reading = new Reading(directory, store.name(), usable, store.getTotalSpace(), full);
		} catch (IOException e) {
			LOG.warn("cannot read the room on the disk of {}: {}", directory, e.toString());
			return last != null ? last : new Reading(directory, "?", 0, 0, false);
		}
		boolean changed = last == null ? reading.full() : last.full() != reading.full();
		last = reading;
		if (changed) {
			if (reading.full()) {
				LOG.warn("{}", reading.describe(minimum));
			} else {
				LOG.info("{}: taking new work again", reading.describe(minimum));
			}
		}
		return reading;
	}

	public boolean full() {
		return check().full();
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
	}
}
