package io.syncline.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.syncline.engine.Ingestion;
import io.syncline.engine.PublishedMappings;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.IdempotencyKeys;
import io.syncline.store.Retention;
import io.syncline.store.RetentionPolicy;
import io.syncline.store.Store;
import io.syncline.store.StoreTime;

/**
 * A year of a busy distributor with its retention policy at work, time simulated: every day's stock events go
 * through the pipeline written as of that day (1 in 500 malformed: an exception, closed three days later, except one
 * in twenty left open for ever), then the day's purge runs. Every 30 days: the H2 file's size, the rows kept, the
 * purge's time and the monitor's first page (goal ≤ 200 ms). Then what a row costs on disk (each kind written alone
 * into a fresh store, measured after SHUTDOWN COMPACT), what compaction gives back, and what a purge running beside
 * the pipeline costs it, against rounds without one in the same run.
 */
final class RetentionBench {

	private static final String TENANT = "harbor";
	private static final OffsetDateTime DAY_0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
	private static final int BATCH = 500;
	private static final int ITEMS = 10;
	/** A policy a busy distributor could choose (Celigo keeps 30 to 90 days), so a year shows the plateau. */
	private static final Map<String, String> POLICY = Map.of(RetentionPolicy.PAYLOADS, "P30D", RetentionPolicy.JOURNAL,
			"P90D", RetentionPolicy.EXCEPTIONS, "P90D", RetentionPolicy.IDEMPOTENCY_KEYS, "P90D");

	private RetentionBench() {
	}

	static void run(Path demo, Path dir, int perDay, int days) throws Exception {
		RetentionPolicy policy = RetentionPolicy.of(POLICY);
		System.out.printf(Locale.ROOT, "%nretention: %d simulated days, %,d stock events a day (12 msg/s is 1,036,800: "
				+ "this is 1:%d), policy %s%n", days, perDay, 1_036_800 / perDay, policy.asRules());
		Path data = dir.resolve("retention-db");
		try {
			year(demo, dir, data, perDay, days, policy);
		} finally {
			StoreTime.simulate(null);
		}
		rowCosts(demo, dir, Math.max(20_000, perDay * 5));
	}

	private static void year(Path demo, Path dir, Path data, int perDay, int days, RetentionPolicy policy)
			throws Exception {
		Path file = data.resolve("store").resolve("syncline.mv.db");
		long eventNumber = 0;
		List<long[]> toClose = new ArrayList<>(); // {day to close, exception id}
		// every row the run writes carries the simulated time, the master data's too, as one clock stamps them all
		StoreTime.simulate(Clock.fixed(DAY_0.toInstant(), ZoneOffset.UTC));
		Store store = Store.openH2(data);
		try (LocalRuntime local = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("retention-data"),
				demo.resolve("mappings")))) {
			Ingestion ingestion = ingestion(store, demo);
			ExceptionQueue queue = new ExceptionQueue(store);
			Retention retention = new Retention(store, Retention.DEFAULT_BATCH, Duration.ZERO);
			System.out.println("retention:  day   H2 file  journal rows  with payload  idempotency  exceptions (open)"
					+ "  audit   purge ms  monitor page 1 median/worst ms");
			long purgeNanos = 0;
			for (int day = 0; day < days; day++) {
				OffsetDateTime now = DAY_0.plusDays(day).plusHours(12);
				StoreTime.simulate(Clock.fixed(now.toInstant(), ZoneOffset.UTC));
				List<byte[]> payloads = new ArrayList<>();
				for (int i = 0; i < perDay; i++) {
					payloads.add(event(eventNumber++, i % 500 == 499).getBytes(StandardCharsets.UTF_8));
				}
				submit(ingestion, payloads, day);
				for (long id : openedToday(store, now)) {
					if (id % 20 != 0) {
						toClose.add(new long[] { day + 3, id });
					}
				}
				final int today = day;
				for (long[] due : toClose.stream().filter(d -> d[0] == today).toList()) {
					queue.close(TENANT, due[1], "pat", ExceptionQueue.State.RESOLVED, "stock counted again");
				}
				toClose.removeIf(d -> d[0] <= today);
				long start = System.nanoTime();
				retention.purge(TENANT, policy, now);
				purgeNanos += System.nanoTime() - start;
				if (day % 30 == 29 || day == days - 1) {
					report(store, local, file, day + 1, purgeNanos / 30);
					purgeNanos = 0;
				}
			}
			purgeCost(store, ingestion, perDay, days, policy);
		}
		long live = Files.size(file);
		long start = System.nanoTime();
		compact(store);
		System.out.printf(Locale.ROOT, "retention: SHUTDOWN COMPACT at a planned restart: %.1f MB → %.1f MB in %.1f s%n",
				live / 1e6, Files.size(file) / 1e6, (System.nanoTime() - start) / 1e9);
	}

	private static Ingestion ingestion(Store store, Path demo) throws Exception {
		PublishedMappings mappings = new PublishedMappings(store, TENANT);
		Ingestion ingestion = new Ingestion(store, mappings, TENANT, new BigDecimal("2"), null);
		ingestion.ingest("erp", demo.resolve("samples/erp-items.csv"));
		ingestion.ingest("wms", demo.resolve("samples/wms-atl-snapshot.xml"));
		return ingestion;
	}

	private static void submit(Ingestion ingestion, List<byte[]> payloads, Object tag) throws Exception {
		for (int from = 0; from < payloads.size(); from += BATCH) {
			List<Ingestion.Document> batch = new ArrayList<>();
			for (int i = from; i < Math.min(payloads.size(), from + BATCH); i++) {
				batch.add(new Ingestion.Document("wms", "events", "day-" + tag + "-" + i + ".jsonl", payloads.get(i),
						Map.of()));
			}
			ingestion.submitBatch(batch);
		}
	}

	/** A stock event as a WMS sends it; a malformed one has no quantity to apply. */
	private static String event(long id, boolean malformed) {
		return String.format(Locale.ROOT, "{\"eventId\": \"wms-%d\", \"type\": \"RECEIPT\", \"item\": \"HS-00100%d\", "
				+ "\"warehouse\": \"ATL\", \"qty\": %s, \"uom\": \"EA\", \"at\": \"2026-11-26T10:00:00Z\"}%n", id,
				id % ITEMS, malformed ? "\"many\"" : "1");
	}

	private static List<Long> openedToday(Store store, OffsetDateTime now) throws SQLException {
		return store.read(connection -> {
			List<Long> ids = new ArrayList<>();
			try (PreparedStatement query = connection.prepareStatement("SELECT id FROM exceptions WHERE tenant_id = ? "
					+ "AND created_at = ? AND state = 'OPEN'")) {
				query.setString(1, TENANT);
				query.setObject(2, now);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						ids.add(rows.getLong(1));
					}
				}
			}
			return ids;
		});
	}

	private static void report(Store store, LocalRuntime local, Path file, int day, long purgeNanos)
			throws Exception {
		long[] page = new long[7];
		for (int i = 0; i < page.length; i++) {
			long start = System.nanoTime();
			local.journal(JournalQuery.all().newestFirst().pageSize(50)).items();
			page[i] = System.nanoTime() - start;
		}
		Arrays.sort(page);
		System.out.printf(Locale.ROOT, "retention: %4d %8.1f MB %13s %13s %12s %11s (%s) %7s %8.0f  %6.1f / %6.1f%n",
				day, Files.size(file) / 1e6, count(store, "messages", ""),
				count(store, "messages", " AND payload_purged_at IS NULL"), count(store, "idempotency_keys", ""),
				count(store, "exceptions", ""), count(store, "exceptions", " AND state = 'OPEN'"),
				count(store, "audit_log", ""), purgeNanos / 1e6, page[page.length / 2] / 1e6, page[page.length - 1] / 1e6);
	}

	private static String count(Store store, String table, String where) throws SQLException {
		long rows = store.read(connection -> {
			try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery(
					"SELECT COUNT(*) FROM " + table + " WHERE tenant_id = '" + TENANT + "'" + where)) {
				row.next();
				return row.getLong(1);
			}
		});
		return String.format(Locale.ROOT, "%,d", rows);
	}

	/**
	 * The pipeline alone and with a purge working off a backlog beside it (as of 60 days later: two months of rows
	 * to purge), alternating which goes first, on fresh events; best of each.
	 */
	private static void purgeCost(Store store, Ingestion ingestion, int perDay, int days, RetentionPolicy policy)
			throws Exception {
		int messages = Math.max(100_000, perDay * 10);
		double alone = 0;
		double beside = 0;
		long purged = 0;
		double purgeSeconds = 0;
		long next = 1_000_000_000L;
		for (int round = 0; round < 4; round++) {
			for (boolean withPurge : round % 2 == 0 ? new boolean[] { false, true } : new boolean[] { true, false }) {
				List<byte[]> payloads = new ArrayList<>();
				for (int i = 0; i < messages; i++) {
					payloads.add(event(next++, false).getBytes(StandardCharsets.UTF_8));
				}
				AtomicBoolean stop = new AtomicBoolean();
				AtomicLong removed = new AtomicLong();
				OffsetDateTime later = DAY_0.plusDays(days + 60L + round * 30L);
				Thread purge = new Thread(() -> {
					Retention paced = new Retention(store, Retention.DEFAULT_BATCH, Duration.ofMillis(50))
							.stopWhen(stop::get);
					try {
						while (!stop.get()) {
							Retention.Run run = paced.purge(TENANT, policy, later);
							removed.addAndGet(run.removed().rows() + run.removed().payloads());
							if (!run.removed().any()) {
								Thread.sleep(50);
							}
						}
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					} catch (SQLException e) {
						throw new IllegalStateException(e);
					}
				}, "bench-purge");
				long start = System.nanoTime();
				if (withPurge) {
					purge.start();
				}
				submit(ingestion, payloads, "cost-" + round + withPurge);
				double seconds = (System.nanoTime() - start) / 1e9;
				stop.set(true);
				if (withPurge) {
					purge.join();
					purged += removed.get();
					purgeSeconds += seconds;
				}
				double rate = messages / seconds;
				System.out.printf(Locale.ROOT, "retention:   round %d %s: %.0f msg/s%s%n", round,
						withPurge ? "beside a purge" : "alone", rate,
						withPurge ? String.format(Locale.ROOT, ", %,d rows and payloads purged", removed.get()) : "");
				if (round > 0) { // round 0 warms up
					if (withPurge) {
						beside = Math.max(beside, rate);
					} else {
						alone = Math.max(alone, rate);
					}
				}
			}
		}
		System.out.printf(Locale.ROOT, "retention: pipeline alone %.0f msg/s, beside a purge %.0f msg/s: %.2f× "
				+ "(goal ≥ 0.90×); the purge removed %,d rows and payloads meanwhile (%.0f a second)%n", alone, beside,
				beside / alone, purged, purged / purgeSeconds);
	}

	private static void compact(Store store) throws SQLException {
		store.compactAndClose();
	}

	/**
	 * What one row of each kind costs on disk: each kind written alone into a fresh store as the pipeline writes it,
	 * the file compacted before and after, the difference divided by the rows.
	 */
	private static void rowCosts(Path demo, Path dir, int rows) throws Exception {
		long empty = compactedSize(dir.resolve("cost-empty"), demo, store -> {
		});
		long events = compactedSize(dir.resolve("cost-events"), demo, store -> {
			Ingestion ingestion = ingestion(store, demo);
			List<byte[]> payloads = new ArrayList<>();
			for (int i = 0; i < rows; i++) {
				payloads.add(event(i, false).getBytes(StandardCharsets.UTF_8));
			}
			submit(ingestion, payloads, "cost");
		});
		long purged = compactedSize(dir.resolve("cost-purged"), demo, store -> {
			Ingestion ingestion = ingestion(store, demo);
			List<byte[]> payloads = new ArrayList<>();
			for (int i = 0; i < rows; i++) {
				payloads.add(event(i, false).getBytes(StandardCharsets.UTF_8));
			}
			submit(ingestion, payloads, "cost");
			new Retention(store, Retention.DEFAULT_BATCH, Duration.ZERO).purge(TENANT,
					RetentionPolicy.of(Map.of(RetentionPolicy.PAYLOADS, "P1D", RetentionPolicy.JOURNAL, "never",
							RetentionPolicy.IDEMPOTENCY_KEYS, "never")), StoreTime.now().plusDays(2));
		});
		long masterData = compactedSize(dir.resolve("cost-master"), demo, store -> ingestion(store, demo));
		long keys = compactedSize(dir.resolve("cost-keys"), demo, store -> {
			IdempotencyKeys claims = new IdempotencyKeys(store.dialect());
			for (int from = 0; from < rows; from += BATCH) {
				List<String> batch = new ArrayList<>();
				for (int i = from; i < Math.min(rows, from + BATCH); i++) {
					batch.add("wms-event/wms-" + i);
				}
				store.inTransaction(connection -> claims.claimAll(connection, TENANT, batch));
			}
		});
		long exceptions = compactedSize(dir.resolve("cost-exceptions"), demo, store -> {
			ExceptionQueue queue = new ExceptionQueue(store);
			for (int from = 0; from < rows; from += BATCH) {
				int first = from;
				store.inTransaction(connection -> {
					for (int i = first; i < Math.min(rows, first + BATCH); i++) {
						queue.open(connection, TENANT, null, "UNKNOWN_SKU", "AF-HX-" + i, "record " + (i + 1),
								"supplier SKU AF-HX-" + i + " is not in the cross-reference; map it or add the item");
					}
					return null;
				});
			}
		});
		System.out.printf(Locale.ROOT, "retention: bytes on disk (H2, compacted) per stock event message with its "
				+ "payload, keys, idempotency key and ATP cause %.0f; once its payload is purged %.0f; per "
				+ "idempotency key alone %.0f; per exception alone %.0f (%,d rows each)%n",
				(events - masterData) / (double) rows, (purged - masterData) / (double) rows,
				(keys - empty) / (double) rows, (exceptions - empty) / (double) rows, rows);
	}

	@FunctionalInterface
	private interface Fill {
		void into(Store store) throws Exception;
	}

	private static long compactedSize(Path data, Path demo, Fill fill) throws Exception {
		StoreTime.simulate(Clock.fixed(DAY_0.toInstant(), ZoneOffset.UTC));
		try {
			Store store = Store.openH2(data);
			try (LocalRuntime local = LocalRuntime.over(store, LocalSettings.harbor(data.resolve("files"),
					demo.resolve("mappings")))) {
				fill.into(store);
			}
			compact(store);
			return Files.size(data.resolve("store").resolve("syncline.mv.db"));
		} finally {
			StoreTime.simulate(null);
		}
	}
}
