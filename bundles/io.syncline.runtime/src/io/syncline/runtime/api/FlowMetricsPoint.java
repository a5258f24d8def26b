package io.syncline.runtime.api;

import java.time.Instant;

/**
 * One flow in one time bucket, for charts: messages received from {@code start} for the bucket's length, how many of
 * them failed, and their receive-to-apply latency. Buckets without traffic are not listed.
 */
public record FlowMetricsPoint(String flow, Instant start, long messages, long failed, long p50Millis,
		long p95Millis) {
}
