package io.syncline.runtime.local.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.syncline.runtime.api.FlowMetrics;
import io.syncline.store.JournalSearch;

/** Throughput and receive-to-apply latency per flow, from the journal's stage timestamps. */
public final class Metrics {

	private Metrics() {
	}

	public static List<FlowMetrics> perFlow(List<JournalSearch.Timing> timings, int minutes) {
		Map<String, List<JournalSearch.Timing>> byFlow = new TreeMap<>();
		for (JournalSearch.Timing timing : timings) {
			byFlow.computeIfAbsent(timing.flow(), f -> new ArrayList<>()).add(timing);
		}
		List<FlowMetrics> metrics = new ArrayList<>();
		byFlow.forEach((flow, rows) -> {
			long failed = rows.stream().filter(t -> t.status().equals("FAILED") || t.status().equals("PARTIAL")).count();
			long[] latencies = rows.stream().filter(t -> t.appliedAt() != null)
					.mapToLong(t -> Duration.between(t.receivedAt(), t.appliedAt()).toMillis()).sorted().toArray();
			metrics.add(new FlowMetrics(flow, rows.size(), failed, rows.size() / (double) Math.max(minutes, 1),
					percentile(latencies, 50), percentile(latencies, 95)));
		});
		return metrics;
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
