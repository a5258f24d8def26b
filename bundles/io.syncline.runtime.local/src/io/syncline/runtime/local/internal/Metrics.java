package io.syncline.runtime.local.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

	public static List<FlowMetrics> perFlow(List<JournalSearch.Timing> timings, int minutes) {
		Map<String, List<JournalSearch.Timing>> byFlow = new TreeMap<>();
		for (JournalSearch.Timing timing : timings) {
			byFlow.computeIfAbsent(timing.flow(), f -> new ArrayList<>()).add(timing);
		}
		List<FlowMetrics> metrics = new ArrayList<>();
		byFlow.forEach((flow, rows) -> {
			long failed = failed(rows);
			long[] latencies = latencies(rows);
			metrics.add(new FlowMetrics(flow, rows.size(), failed, rows.size() / (double) Math.max(minutes, 1),
					percentile(latencies, 50), percentile(latencies, 95)));
		});
		return metrics;
	}

	/** Per flow and bucket of {@code bucket} from {@code since}, oldest first; buckets without traffic left out. */
	public static List<FlowMetricsPoint> series(List<JournalSearch.Timing> timings, Instant since, Duration bucket) {
		Map<String, Map<Long, List<JournalSearch.Timing>>> byFlow = new TreeMap<>();
		for (JournalSearch.Timing timing : timings) {
			long index = Duration.between(since, timing.receivedAt().toInstant()).toMillis() / bucket.toMillis();
			byFlow.computeIfAbsent(timing.flow(), f -> new TreeMap<>())
					.computeIfAbsent(Math.max(0, index), i -> new ArrayList<>()).add(timing);
		}
		List<FlowMetricsPoint> points = new ArrayList<>();
		byFlow.forEach((flow, buckets) -> buckets.forEach((index, rows) -> {
			long[] latencies = latencies(rows);
			points.add(new FlowMetricsPoint(flow, since.plus(bucket.multipliedBy(index)), rows.size(), failed(rows),
					percentile(latencies, 50), percentile(latencies, 95)));
		}));
		points.sort(Comparator.comparing(FlowMetricsPoint::start).thenComparing(FlowMetricsPoint::flow));
		return points;
	}

	private static long failed(List<JournalSearch.Timing> rows) {
		return rows.stream().filter(t -> t.status().equals("FAILED") || t.status().equals("PARTIAL")).count();
	}

	private static long[] latencies(List<JournalSearch.Timing> rows) {
		return rows.stream().filter(t -> t.appliedAt() != null)
				.mapToLong(t -> Duration.between(t.receivedAt(), t.appliedAt()).toMillis()).sorted().toArray();
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
