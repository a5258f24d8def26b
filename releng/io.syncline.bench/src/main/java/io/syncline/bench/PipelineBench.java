package io.syncline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.syncline.engine.Ingestion;
import io.syncline.runtime.local.PartnerLanes;
import io.syncline.runtime.local.Workers;
import io.syncline.engine.PublishedMappings;
import io.syncline.store.Payloads;
import io.syncline.store.PostgresSchemas;
import io.syncline.store.Store;

/**
 * Durable end-to-end throughput: WMS event messages parsed, mapped, applied (exactly once by event id), journaled
 * (payload compressed and hashed) and committed, against a raw baseline in the same database and run: the same
 * rows (journal row, idempotency key, ATP cause, positions) written with plain batched statements, 500 per commit.
 * Also printed: the submitting thread's CPU time per message, steadier than throughput on a shared machine.
 */
final class PipelineBench {

	private static final int BATCH = Integer.getInteger("syncline.bench.batch", 500);

	/** The events move this many items at ATL, as in the demo catalog. */
	private static final int ITEMS = 10;

	private PipelineBench() {
	}

	/**
	 * Round 0 warms both sides up (the code both run, H2's included, compiled before anything counts); then each
	 * round runs the pipeline and the raw baseline on fresh event ids, and the best of each is compared.
	 */
	static void run(Path demo, Path dir, int messages, String database, int rounds) throws Exception {
		System.out.printf(Locale.ROOT, "%nDurable pipeline, %d WMS event messages a round, %s%n", messages, database);
		try (Opened opened = open(database, dir)) {
			Store store = opened.store();
			PublishedMappings mappings = new PublishedMappings(store, "bench");
			mappings.importDirectory(demo.resolve("mappings"), "bench");
			Ingestion ingestion = new Ingestion(store, mappings, "bench", new BigDecimal("2"), null);
			ingestion.ingest("erp", demo.resolve("samples/erp-items.csv"));
			ingestion.ingest("wms", demo.resolve("samples/wms-atl-snapshot.xml"));
			createRawPositions(store);
			double ours = 0;
			double raw = 0;
			double cpuMicros = Double.MAX_VALUE;
			for (int round = 0; round <= rounds; round++) {
				int count = round == 0 ? Math.min(messages, 20_000) : messages;
				List<byte[]> payloads = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					payloads.add(event("r" + round + "-" + i, i).getBytes(StandardCharsets.UTF_8));
				}
				ThreadMXBean threads = ManagementFactory.getThreadMXBean();
				long cpuStart = threads.getCurrentThreadCpuTime();
				long start = System.nanoTime();
				submitAll(ingestion, payloads, round);
				double oursRound = count / ((System.nanoTime() - start) / 1e9);
				double cpuRound = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / count;
				double rawRound = baseline(store, payloads, round);
				if (round == 0) {
					continue;
				}
				System.out.printf(Locale.ROOT, "  round %d: Syncline %.0f msg/s, raw %.0f msg/s, ratio %.2f×%n", round,
						oursRound, rawRound, oursRound / rawRound);
				ours = Math.max(ours, oursRound);
				raw = Math.max(raw, rawRound);
				cpuMicros = Math.min(cpuMicros, cpuRound);
			}
			int singles = Math.min(1000, messages);
			long start = System.nanoTime();
			for (int i = 0; i < singles; i++) {
				ingestion.submit("wms", "events", "single-" + i + ".jsonl",
						event("single-" + i, i).getBytes(StandardCharsets.UTF_8), null, null);
			}
			double single = singles / ((System.nanoTime() - start) / 1e9);
			System.out.printf(Locale.ROOT, "  raw batched statements, the same rows (journal, claim, ATP cause, "
					+ "positions), %d per commit: %.0f msg/s%n", BATCH, raw);
			System.out.printf(Locale.ROOT, "  Syncline parse+map+apply+journal, %d messages per commit: %.0f msg/s, "
					+ "ratio %.2f×%n", BATCH, ours, ours / raw);
			System.out.printf(Locale.ROOT, "  (CPU of the submitting thread: %.1f µs a message)%n", cpuMicros);
			System.out.printf(Locale.ROOT, "  (one message per submit, commits of its own: %.0f msg/s)%n", single);
			monitorIndexCost(store, ingestion, messages, rounds);
			laneCost(ingestion, messages, rounds);
		}
	}

	/**
	 * The indexes the monitor's reads added to the journal, as they are now: V20's newest-first index of the tenant
	 * and its partner index (less the key index V21 dropped again: it repeated V17's message_keys_message), the
	 * partner index turned newest first by V22, and V22's oldest-first index of the tenant. Each is written for every
	 * journal row. (V22 also turned V7's status and flow indexes around, which adds no writes.)
	 */
	private static final List<String> MONITOR_INDEXES = List.of(
			"CREATE INDEX messages_tenant_id ON messages (tenant_id, id DESC)",
			"CREATE INDEX messages_tenant_partner ON messages (tenant_id, partner_id, id DESC)",
			"CREATE INDEX messages_tenant_oldest ON messages (tenant_id, id)");

	/**
	 * What the monitor's indexes cost the pipeline: rounds with them and without them (dropped, then made again),
	 * alternating which goes first, on fresh event ids in the same process and store; the best of each compared.
	 */
	private static void monitorIndexCost(Store store, Ingestion ingestion, int messages, int rounds) throws Exception {
		double with = 0;
		double without = 0;
		for (int round = 1; round <= Math.max(2, rounds); round++) {
			for (boolean indexed : round % 2 == 1 ? new boolean[] { true, false } : new boolean[] { false, true }) {
				monitorIndexes(store, indexed);
				double rate = timedRound(ingestion, messages, "v20-" + round + (indexed ? "-with" : "-without"),
						PartnerLanes.DIRECT);
				System.out.printf(Locale.ROOT, "  round %d %s the monitor indexes: %.0f msg/s%n", round,
						indexed ? "with" : "without", rate);
				if (indexed) {
					with = Math.max(with, rate);
				} else {
					without = Math.max(without, rate);
				}
			}
		}
		monitorIndexes(store, true);
		System.out.printf(Locale.ROOT, "  the monitor's indexes (V20, V22): %.0f msg/s with them, %.0f without, ratio %.2f×%n",
				with, without, with / without);
	}

	private static void monitorIndexes(Store store, boolean present) throws Exception {
		try (Connection connection = store.connection(); Statement statement = connection.createStatement()) {
			for (String create : MONITOR_INDEXES) {
				String name = create.split(" ")[2];
				statement.execute("DROP INDEX IF EXISTS " + name);
				if (present) {
					statement.execute(create);
				}
			}
			connection.commit();
		}
	}

	/**
	 * What the served inbox's watched partner lane costs (PartnerLanes, issue 22): each batch handed to a worker
	 * thread the runtime's watch follows, the caller waiting for it, against the same batches submitted on the
	 * caller's thread; rounds alternate which goes first, on fresh event ids, and the best of each is compared.
	 */
	private static void laneCost(Ingestion ingestion, int messages, int rounds) throws Exception {
		Workers workers = new Workers();
		workers.startWatching();
		Workers.Worker inbox = workers.register("inbox", Workers.DEFAULT_BOUND);
		double direct = 0;
		double watched = 0;
		try (PartnerLanes lanes = PartnerLanes.watched(inbox, Workers.DEFAULT_BOUND.multipliedBy(5))) {
			for (int round = 1; round <= rounds; round++) {
				for (boolean inLane : round % 2 == 0 ? new boolean[] { true, false } : new boolean[] { false, true }) {
					double rate = timedRound(ingestion, messages, "lane-" + round + (inLane ? "-watched" : "-direct"),
							inLane ? lanes : PartnerLanes.DIRECT);
					System.out.printf(Locale.ROOT, "  round %d %s: %.0f msg/s%n", round,
							inLane ? "in a watched lane" : "on the caller's thread", rate);
					if (inLane) {
						watched = Math.max(watched, rate);
					} else {
						direct = Math.max(direct, rate);
					}
				}
			}
		} finally {
			workers.close();
		}
		System.out.printf(Locale.ROOT, "  the served inbox's watched lane, %d per commit: %.0f msg/s in it, %.0f on the "
				+ "caller's thread, ratio %.2f×%n", BATCH, watched, direct, watched / direct);
	}

	/** Messages per second of one round of fresh events named by {@code tag}, submitted in {@code lanes}. */
	private static double timedRound(Ingestion ingestion, int messages, String tag, PartnerLanes lanes)
			throws Exception {
		List<byte[]> payloads = new ArrayList<>();
		for (int i = 0; i < messages; i++) {
			payloads.add(event(tag + "-" + i, i).getBytes(StandardCharsets.UTF_8));
		}
		long start = System.nanoTime();
		submitAll(ingestion, payloads, tag, lanes);
		return messages / ((System.nanoTime() - start) / 1e9);
	}

	private static void submitAll(Ingestion ingestion, List<byte[]> payloads, Object tag) throws Exception {
		submitAll(ingestion, payloads, tag, PartnerLanes.DIRECT);
	}

	/** Submits the messages in batches; every event must apply, else the figure would be for less work. */
	private static void submitAll(Ingestion ingestion, List<byte[]> payloads, Object tag, PartnerLanes lanes)
			throws Exception {
		long applied = 0;
		for (int from = 0; from < payloads.size(); from += BATCH) {
			List<Ingestion.Document> batch = new ArrayList<>();
			for (int i = from; i < Math.min(payloads.size(), from + BATCH); i++) {
				String name = "bench-r" + tag + "-" + i + ".jsonl";
				batch.add(new Ingestion.Document("wms", "events", name, payloads.get(i), Map.of()));
			}
			for (Ingestion.Result result : lanes.run("bench", "wms", batch.size() + " messages",
					() -> ingestion.submitBatch(batch)).orElseThrow()) {
				applied += result.outcomes().getOrDefault("APPLIED", 0L);
			}
		}
		if (applied != payloads.size()) {
			throw new IllegalStateException("only " + applied + " of " + payloads.size() + " events applied");
		}
	}

	private static String event(String id, int i) {
		return String.format(Locale.ROOT, "{\"eventId\": \"bench-%s\", \"type\": \"RECEIPT\", \"item\": \"%s\", "
				+ "\"warehouse\": \"ATL\", \"qty\": 1, \"uom\": \"EA\", \"at\": \"2026-11-26T10:00:00Z\"}%n", id,
				item(i % ITEMS));
	}

	/**
	 * The rows one stock event message leaves, written with plain batched statements and nothing worked out: the
	 * journal row as the pipeline writes it (final status, stage times, compressed and hashed payload), the event's
	 * idempotency key, its ATP cause, and per commit an update of each position the batch moved. What the database
	 * alone costs for the same durable result: the pipeline's ceiling on this machine.
	 */
	private static double baseline(Store store, List<byte[]> payloads, int round) throws Exception {
		try (Connection connection = store.connection()) {
			long start = System.nanoTime();
			try (PreparedStatement journal = connection.prepareStatement("INSERT INTO messages (tenant_id, partner_id, "
					+ "flow, direction, document_type, source_name, status, mapping_version, received_at, parsed_at, "
					+ "mapped_at, applied_at, payload_size, payload_sha256, payload_gzip) VALUES ('raw', 'wms', "
					+ "'inventory', 'IN', 'events', ?, 'APPLIED', 1, ?, ?, ?, ?, ?, ?, ?)",
					Statement.RETURN_GENERATED_KEYS);
					PreparedStatement claim = connection.prepareStatement(
							"INSERT INTO idempotency_keys (tenant_id, key_value, created_at) VALUES ('raw', ?, ?)");
					PreparedStatement cause = connection.prepareStatement("INSERT INTO atp_history (tenant_id, "
							+ "item_number, warehouse, at, cause, reference, atp_before, atp_after, detail) "
							+ "VALUES ('raw', ?, 'ATL', ?, 'EVENT', ?, ?, ?, ?)");
					PreparedStatement position = connection.prepareStatement("UPDATE inventory_positions SET "
							+ "on_hand = on_hand + ?, as_of = ? "
							+ "WHERE tenant_id = 'raw' AND item_number = ? AND warehouse = 'ATL'")) {
				int[] moved = new int[ITEMS];
				for (int i = 0; i < payloads.size(); i++) {
					byte[] payload = payloads.get(i);
					OffsetDateTime now = OffsetDateTime.now();
					journal.setString(1, "raw-r" + round + "-" + i + ".jsonl");
					journal.setObject(2, now);
					journal.setObject(3, now);
					journal.setObject(4, now);
					journal.setObject(5, now);
					journal.setLong(6, payload.length);
					journal.setString(7, Payloads.sha256(payload));
					journal.setBytes(8, Payloads.gzip(payload));
					journal.addBatch();
					claim.setString(1, "wms-event/raw-r" + round + "-" + i);
					claim.setObject(2, now);
					claim.addBatch();
					cause.setString(1, item(i % ITEMS));
					cause.setObject(2, now);
					cause.setString(3, "raw-r" + round + "-" + i);
					cause.setBigDecimal(4, BigDecimal.valueOf(moved[i % ITEMS]));
					cause.setBigDecimal(5, BigDecimal.valueOf(++moved[i % ITEMS]));
					cause.setString(6, "RECEIPT +1, message " + i);
					cause.addBatch();
					if ((i + 1) % BATCH == 0 || i == payloads.size() - 1) {
						journal.executeBatch();
						claim.executeBatch();
						cause.executeBatch();
						for (int item = 0; item < ITEMS; item++) {
							position.setInt(1, 1);
							position.setObject(2, now);
							position.setString(3, item(item));
							position.addBatch();
						}
						position.executeBatch();
						connection.commit();
					}
				}
			}
			return payloads.size() / ((System.nanoTime() - start) / 1e9);
		}
	}

	private static void createRawPositions(Store store) throws Exception {
		try (Connection connection = store.connection();
				PreparedStatement position = connection.prepareStatement("INSERT INTO inventory_positions (tenant_id, "
						+ "item_number, warehouse, on_hand, allocated, damaged, in_transit) "
						+ "VALUES ('raw', ?, 'ATL', 0, 0, 0, 0)")) {
			for (int item = 0; item < ITEMS; item++) {
				position.setString(1, item(item));
				position.addBatch();
			}
			position.executeBatch();
			connection.commit();
		}
	}

	private static String item(int index) {
		return "HS-00100" + index;
	}

	private record Opened(Store store, Runnable cleanup) implements AutoCloseable {
		@Override
		public void close() {
			store.close();
			cleanup.run();
		}
	}

	private static Opened open(String database, Path dir) throws Exception {
		if (database.equals("h2")) {
			Path data = Files.createTempDirectory(dir, "h2");
			return new Opened(Store.openH2(data), () -> { });
		}
		PostgresSchemas server = PostgresSchemas.fromEnvironment();
		String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
		return new Opened(server.openIn(schema, 8), () -> {
			try {
				server.drop(schema);
			} catch (Exception e) {
				System.err.println("could not drop " + schema + ": " + e.getMessage());
			}
		});
	}
}
