package io.syncline.runtime.local.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.syncline.runtime.api.FlowMetrics;
import io.syncline.runtime.api.FlowMetricsPoint;
import io.syncline.store.JournalSearch;

/** Throughput and receive-to-apply latency per flow, from the journal's stage timestamps. */
public final class Metrics {

	/** The most buckets one series has: a chart is a few hundred pixels wide. */
	public static final int MOST_BUCKETS = 1_440;

	private Metrics() {
	}

	/** Per flow over the whole window since {@code since}: one bucket as long as the window, counted as a series is. */
	public static List<FlowMetrics> perFlow(Series window, int minutes) {
		return window.points().stream().map(point -> new FlowMetrics(point.flow(), point.messages(), point.failed(),
				point.messages() / (double) Math.max(minutes, 1), point.p50Millis(), point.p95Millis())).toList();
	}

	/**
	 * Per flow and bucket of {@code bucket} from {@code since}, oldest first; buckets without traffic left out. Fed
	 * one row at a time ({@link #add}), it keeps per bucket its counts and its latencies as plain longs.
	 */
	public static final class Series {

		private final Instant since;
		private final Duration bucket;
		private final Map<String, Map<Long, Cell>> byFlow = new TreeMap<>();

		public Series(Instant since, Duration bucket) {
			this.since = since;
			this.bucket = bucket;
		}

		public void add(JournalSearch.Timing timing) {
			long index = Math.max(0, Duration.between(since, timing.receivedAt().toInstant()).toMillis()
					/ bucket.toMillis());
			Cell cell = byFlow.computeIfAbsent(timing.flow(), f -> new TreeMap<>()).computeIfAbsent(index,
					i -> new Cell());
			cell.messages++;
			if (timing.status().equals("FAILED") || timing.status().equals("PARTIAL")) {
				cell.failed++;
			}
			if (timing.appliedAt() != null) {
				cell.latency(Duration.between(timing.receivedAt(), timing.appliedAt()).toMillis());
			}
		}

		public List<FlowMetricsPoint> points() {
			List<FlowMetricsPoint> points = new ArrayList<>();
			byFlow.forEach((flow, buckets) -> buckets.forEach((index, cell) -> {
				long[] latencies = Arrays.copyOf(cell.latencies, cell.applied);
				Arrays.sort(latencies);
				points.add(new FlowMetricsPoint(flow, since.plus(bucket.multipliedBy(index)), cell.messages,
						cell.failed, percentile(latencies, 50), percentile(latencies, 95)));
			}));
			points.sort(Comparator.comparing(FlowMetricsPoint::start).thenComparing(FlowMetricsPoint::flow));
			return points;
		}
	}

	/** One flow's bucket: how many, how many failed, and the latencies of those applied. */
	private static final class Cell {
		long messages;
		long failed;
		long[] latencies = new long[16];
		int applied;

		void latency(long millis) {
			if (applied == latencies.length) {
				latencies = Arrays.copyOf(latencies, applied * 2);
			}
			latencies[applied++] = millis;
		}
	}

	/** Nearest-rank percentile of sorted values; 0 when there are none. */
	static long percentile(long[] sorted, int percent) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}
}
