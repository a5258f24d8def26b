package io.syncline.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.client.RemoteRuntime;
import io.syncline.runtime.client.RemoteSettings;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;

/**
 * What the Operations views ask of a big journal: the monitor's first page newest first, a deep page, the filters,
 * a business-key search and a trace, over {@code rows} journal rows on H2, through the local runtime and through
 * HTTP, each against the same question asked in plain SQL (the obvious query, ordered by id alone, keys by IN) on
 * the same store in the same run: the ratio shows what the store's query shape and the runtime add or save. Goal: ≤ 200 ms.
 * <p>
 * The rows are written by SQL, not through the pipeline: ten million messages through the pipeline take hours, and
 * what is measured here is reading them. Their mix is a distributor's: mostly WMS and shop traffic, 1 % BigBox, one
 * failure in a thousand, every message with a PO-like business key.
 */
final class MonitorBench {

	private static final String TENANT = "harbor";
	private static final int CHUNK = 500_000;
	private static final int REPEATS = 20;

	private MonitorBench() {
	}

	static void run(Path demo, Path dir, int rows) throws Exception {
		try (Store store = Store.openH2(dir.resolve("monitor-db"));
				LocalRuntime local = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("monitor-data"),
						demo.resolve("mappings")))) {
			long start = System.nanoTime();
			fill(store, rows);
			System.out.printf(Locale.ROOT, "%nmonitor: %,d journal rows on H2 written by SQL in %.0f s%n", rows,
					(System.nanoTime() - start) / 1e9);
			String token = local.accessTokens().create(TENANT, "bench", Role.VIEWER, Duration.ofHours(1)).secret();
			try (RuntimeServer server = RuntimeServer.start(ServerSettings.loopback(0), local, "bench");
					RemoteRuntime remote = RemoteRuntime.connect(RemoteSettings.of(server.url(), token))) {
				long middle = rows / 2;
				String key = "PO-B" + (rows - 1234);
				measure(store, local, remote, "first page, newest first (50)", JournalQuery.all().newestFirst(),
						"SELECT id FROM messages WHERE tenant_id = ? ORDER BY id DESC FETCH FIRST 50 ROWS ONLY");
				measure(store, local, remote, "first page, oldest first (50)", JournalQuery.all(),
						"SELECT id FROM messages WHERE tenant_id = ? ORDER BY id FETCH FIRST 50 ROWS ONLY");
				measure(store, local, remote, "a page halfway down (50)", JournalQuery.all().newestFirst().after(middle),
						"SELECT id FROM messages WHERE tenant_id = ? AND id < " + middle
								+ " ORDER BY id DESC FETCH FIRST 50 ROWS ONLY");
				measure(store, local, remote, "status FAILED (1 in 1,000)",
						JournalQuery.all().newestFirst().withStatus("FAILED"), "SELECT id FROM messages WHERE "
								+ "tenant_id = ? AND status = 'FAILED' ORDER BY id DESC FETCH FIRST 50 ROWS ONLY");
				measure(store, local, remote, "flow sales-orders (1 %)",
						JournalQuery.all().newestFirst().withFlow("sales-orders"), "SELECT id FROM messages WHERE "
								+ "tenant_id = ? AND flow = 'sales-orders' ORDER BY id DESC FETCH FIRST 50 ROWS ONLY");
				measure(store, local, remote, "partner bigbox (1 %)",
						JournalQuery.all().newestFirst().withPartner("bigbox"), "SELECT id FROM messages WHERE "
								+ "tenant_id = ? AND partner_id = 'bigbox' ORDER BY id DESC FETCH FIRST 50 ROWS ONLY");
				measure(store, local, remote, "business key " + key,
						JournalQuery.all().newestFirst().withBusinessKey(key), "SELECT m.id FROM messages m WHERE "
								+ "m.tenant_id = ? AND m.id IN (SELECT k.message_id FROM message_keys k WHERE "
								+ "k.tenant_id = 'harbor' AND k.key_value = '" + key + "') ORDER BY m.id DESC "
								+ "FETCH FIRST 50 ROWS ONLY");
				compare("trace " + key, () -> rawIds(store, "SELECT m.id FROM messages m JOIN message_keys k ON "
						+ "k.message_id = m.id WHERE m.tenant_id = ? AND k.tenant_id = 'harbor' AND k.key_value = '"
						+ key + "' ORDER BY m.id"), () -> local.trace(key).size(), () -> remote.trace(key).size());
			}
		}
	}

	/** Rows by SQL, a chunk per transaction: a distributor's mix, one business key each. */
	private static void fill(Store store, int rows) throws Exception {
		try (Connection connection = store.connection(); Statement sql = connection.createStatement()) {
			for (int from = 1; from <= rows; from += CHUNK) {
				int to = Math.min(rows, from + CHUNK - 1);
				sql.executeUpdate("INSERT INTO messages (tenant_id, partner_id, flow, direction, document_type, "
						+ "source_name, status, mapping_version, received_at, applied_at, payload_size, payload_sha256, "
						+ "payload_gzip) SELECT 'harbor', "
						+ "CASE WHEN MOD(N, 100) = 7 THEN 'bigbox' WHEN MOD(N, 100) < 50 THEN 'wms' "
						+ "WHEN MOD(N, 100) < 80 THEN 'shop' WHEN MOD(N, 100) < 95 THEN 'boltco' ELSE 'acme' END, "
						+ "CASE WHEN MOD(N, 100) = 7 THEN 'sales-orders' WHEN MOD(N, 100) < 50 THEN 'inventory' "
						+ "WHEN MOD(N, 100) < 80 THEN 'web-orders' WHEN MOD(N, 100) < 95 THEN 'supplier-catalog' "
						+ "ELSE 'purchase-orders' END, 'IN', 'BENCH', 'bench-' || N || '.dat', "
						+ "CASE WHEN MOD(N, 1000) = 3 THEN 'FAILED' ELSE 'APPLIED' END, 1, "
						+ "DATEADD(SECOND, N / 10, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'), "
						+ "DATEADD(SECOND, N / 10 + 1, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'), 100, "
						+ "'bench', X'1f8b' FROM (SELECT \"X\" AS N FROM SYSTEM_RANGE(" + from + ", " + to + "))");
				connection.commit();
			}
			sql.executeUpdate("INSERT INTO message_keys (tenant_id, key_type, key_value, message_id) "
					+ "SELECT 'harbor', 'PO', 'PO-B' || id, id FROM messages WHERE document_type = 'BENCH'");
			connection.commit();
		}
	}

	private static void measure(Store store, LocalRuntime local, RemoteRuntime remote, String what,
			JournalQuery query, String raw) {
		compare(what, () -> rawIds(store, raw), () -> page(local, query), () -> page(remote, query));
	}

	private static int page(IntegrationRuntime runtime, JournalQuery query) {
		return runtime.journal(query.pageSize(50)).items().size();
	}

	private static int rawIds(Store store, String sql) {
		try (Connection connection = store.connection(); PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, TENANT);
			int count = 0;
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					count++;
				}
			}
			connection.rollback();
			return count;
		} catch (java.sql.SQLException e) {
			throw new IllegalStateException(sql + ": " + e.getMessage(), e);
		}
	}

	private static void compare(String what, Supplier<Integer> raw, Supplier<Integer> local,
			Supplier<Integer> remote) {
		long[] rawTimes = time(raw);
		long[] localTimes = time(local);
		long[] remoteTimes = time(remote);
		int rows = raw.get();
		if (local.get() != rows || remote.get() != rows) {
			throw new IllegalStateException(what + ": raw SQL found " + rows + " rows, local " + local.get()
					+ ", remote " + remote.get());
		}
		System.out.printf(Locale.ROOT, "monitor: %-38s %3d rows  plain SQL %7.2f ms | local %7.2f ms (%.1f×) first %7.2f"
				+ " | HTTP %7.2f ms (%.1f×) first %7.2f  goal ≤ 200 ms: %s%n", what, rows, median(rawTimes),
				median(localTimes), median(localTimes) / median(rawTimes), localTimes[REPEATS] / 1e6,
				median(remoteTimes), median(remoteTimes) / median(rawTimes), remoteTimes[REPEATS] / 1e6,
				Math.max(worst(localTimes), worst(remoteTimes)) <= 200 ? "met" : "NOT met");
	}

	/** {@code REPEATS} timings sorted, then the first (cold) call's at index {@code REPEATS}. */
	private static long[] time(Supplier<Integer> call) {
		long[] nanos = new long[REPEATS + 1];
		long start = System.nanoTime();
		call.get();
		nanos[REPEATS] = System.nanoTime() - start;
		for (int i = 0; i < REPEATS; i++) {
			start = System.nanoTime();
			call.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos, 0, REPEATS);
		return nanos;
	}

	private static double median(long[] nanos) {
		return nanos[REPEATS / 2] / 1e6;
	}

	/** The slowest of the warm calls and the cold one, in ms. */
	private static double worst(long[] nanos) {
		return Math.max(nanos[REPEATS - 1], nanos[REPEATS]) / 1e6;
	}
}
