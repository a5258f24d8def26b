package io.syncline.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import io.syncline.runtime.api.FlowMetricsPoint;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;

/**
 * The monitor's charts over a busy day: N journal rows received over the last 24 hours (written by SQL), read as
 * each of the charts' windows reads them (throughput, failures and p50/p95 per flow and bucket). The baseline, in
 * the same run, is the database alone counting the day's rows, the scan no way of reading them can skip. Medians
 * of 5 calls after one warm-up.
 */
final class MetricsBench {

	private static final int CHUNK = 500_000;
	private static final int REPEATS = 5;

	private MetricsBench() {
	}

	static void run(Path demo, Path dir, int rows) throws Exception {
		try (Store store = Store.openH2(dir.resolve("metrics-db"));
				LocalRuntime local = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("metrics-data"),
						demo.resolve("mappings")))) {
			long start = System.nanoTime();
			fill(store, rows);
			System.out.printf(Locale.ROOT, "%nmetrics: %,d journal rows over the last 24 h, written in %.0f s%n", rows,
					(System.nanoTime() - start) / 1e9);
			String window = "SELECT COUNT(*) FROM messages WHERE tenant_id = 'harbor' AND direction = 'IN' "
					+ "AND received_at >= NOW() - INTERVAL '1' DAY";
			long[] scan = time(() -> count(store, window));
			for (int[] chart : new int[][] { { 1_440, 15 }, { 360, 5 }, { 60, 1 } }) {
				long[] read = time(() -> local.metricsSeries(chart[0], chart[1]).size());
				List<FlowMetricsPoint> points = local.metricsSeries(chart[0], chart[1]);
				long messages = points.stream().mapToLong(FlowMetricsPoint::messages).sum();
				System.out.printf(Locale.ROOT, "metrics: the charts' %4d min by %2d min: %,9d messages, %3d points, "
						+ "%6.0f ms | the database counting the whole day alone %6.0f ms (%.2f×)%n", chart[0], chart[1],
						messages, points.size(), median(read), median(scan), median(read) / median(scan));
			}
		}
	}

	/** Rows by SQL: the monitor bench's mix of flows, received evenly over the last 24 h, 0–999 ms to apply. */
	private static void fill(Store store, int rows) throws Exception {
		long spanMillis = Duration.ofHours(24).minusMinutes(2).toMillis();
		try (Connection connection = store.connection(); Statement sql = connection.createStatement()) {
			for (int from = 1; from <= rows; from += CHUNK) {
				int to = Math.min(rows, from + CHUNK - 1);
				sql.executeUpdate("INSERT INTO messages (tenant_id, partner_id, flow, direction, document_type, "
						+ "source_name, status, mapping_version, received_at, applied_at, payload_size, payload_sha256, "
						+ "payload_gzip) SELECT 'harbor', 'wms', CASE WHEN MOD(N, 100) < 50 THEN 'inventory' "
						+ "WHEN MOD(N, 100) < 80 THEN 'web-orders' ELSE 'supplier-catalog' END, 'IN', 'BENCH', "
						+ "'bench-' || N || '.dat', CASE WHEN MOD(N, 1000) = 3 THEN 'FAILED' ELSE 'APPLIED' END, 1, "
						+ "DATEADD(MILLISECOND, -CAST(N AS BIGINT) * " + spanMillis + " / " + rows + ", NOW()), "
						+ "DATEADD(MILLISECOND, MOD(N * 7, 1000) - CAST(N AS BIGINT) * " + spanMillis + " / " + rows
						+ ", NOW()), 100, 'bench', X'1f8b' FROM (SELECT \"X\" AS N FROM SYSTEM_RANGE(" + from + ", "
						+ to + "))");
				connection.commit();
			}
		}
	}

	private static long count(Store store, String sql) {
		try (Connection connection = store.connection(); Statement statement = connection.createStatement();
				java.sql.ResultSet row = statement.executeQuery(sql)) {
			row.next();
			long count = row.getLong(1);
			connection.rollback();
			return count;
		} catch (java.sql.SQLException e) {
			throw new IllegalStateException(sql + ": " + e.getMessage(), e);
		}
	}

	private static long[] time(LongSupplier call) {
		call.getAsLong();
		long[] nanos = new long[REPEATS];
		for (int i = 0; i < REPEATS; i++) {
			long start = System.nanoTime();
			call.getAsLong();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return nanos;
	}

	private static double median(long[] nanos) {
		return nanos[REPEATS / 2] / 1e6;
	}
}
