package io.syncline.ui.internal.charts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import io.syncline.runtime.api.FlowMetricsPoint;

/**
 * What one chart draws: the buckets of a window, oldest first, and per flow one value per bucket (0 where the
 * runtime listed no traffic). Made off the UI thread from the runtime's points.
 */
public record ChartSeries(List<Instant> buckets, Map<String, long[]> values) {

	public ChartSeries {
		buckets = List.copyOf(buckets);
		values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/** One measure of the points over {@code buckets} buckets of {@code bucket} ending with the one now. */
	public static ChartSeries of(List<FlowMetricsPoint> points, Instant firstBucket, Duration bucket, int buckets,
			ToLongFunction<FlowMetricsPoint> measure) {
		List<Instant> starts = new ArrayList<>(buckets);
		for (int i = 0; i < buckets; i++) {
			starts.add(firstBucket.plus(bucket.multipliedBy(i)));
		}
		Map<String, long[]> values = new TreeMap<>();
		for (FlowMetricsPoint point : points) {
			long index = Duration.between(firstBucket, point.start()).toMillis() / bucket.toMillis();
			if (index >= 0 && index < buckets) {
				values.computeIfAbsent(point.flow(), f -> new long[buckets])[(int) index] += measure.applyAsLong(point);
			}
		}
		return new ChartSeries(starts, values);
	}

	public long max() {
		long max = 0;
		for (long[] flow : values.values()) {
			for (long value : flow) {
				max = Math.max(max, value);
			}
		}
		return max;
	}

	public long total(String flow) {
		long total = 0;
		for (long value : values.get(flow)) {
			total += value;
		}
		return total;
	}

	/** The bucket where the flow peaks (the latest of equal peaks). */
	public int peak(String flow) {
		long[] flowValues = values.get(flow);
		int peak = 0;
		for (int i = 0; i < flowValues.length; i++) {
			if (flowValues[i] >= flowValues[peak]) {
				peak = i;
			}
		}
		return peak;
	}
}
