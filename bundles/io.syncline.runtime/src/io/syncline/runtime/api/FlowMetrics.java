package io.syncline.runtime.api;

/** Messages of one flow in a time window: how many, how many failed, per minute, and receive-to-apply latency. */
public record FlowMetrics(String flow, long messages, long failed, double perMinute, long p50Millis, long p95Millis) {
}
