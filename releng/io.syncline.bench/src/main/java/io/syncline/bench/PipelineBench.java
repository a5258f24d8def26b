package io.syncline.bench;

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
import io.syncline.engine.PublishedMappings;
import io.syncline.store.Payloads;
import io.syncline.store.PostgresSchemas;
import io.syncline.store.Store;

/**
 * Durable end-to-end throughput: WMS event messages parsed, mapped, applied (exactly once by event id), journaled
 * (payload compressed and hashed) and committed, against a raw baseline in the same database and run: the same
 * rows (a journal row with the compressed payload, an event row) written with batched INSERTs, 500 per commit.
 */
final class PipelineBench {

	private static final int BATCH = Integer.getInteger("syncline.bench.batch", 500);

	private PipelineBench() {
	}

	static void run(Path demo, Path dir, int messages, String database) throws Exception {
		System.out.printf(Locale.ROOT, "%nDurable pipeline, %d WMS event messages, %s%n", messages, database);
		List<byte[]> payloads = new ArrayList<>();
		for (int i = 0; i < messages; i++) {
			payloads.add(event(i).getBytes(StandardCharsets.UTF_8));
		}
		try (Opened opened = open(database, dir)) {
			Store store = opened.store();
			PublishedMappings mappings = new PublishedMappings(store, "bench");
			mappings.importDirectory(demo.resolve("mappings"), "bench");
			Ingestion ingestion = new Ingestion(store, mappings, "bench", new BigDecimal("2"), null);
			ingestion.ingest("erp", demo.resolve("samples/erp-items.csv"));
			ingestion.ingest("wms", demo.resolve("samples/wms-atl-snapshot.xml"));
			for (int i = 0; i < Math.min(200, messages); i++) { // warm-up, not counted
				ingestion.submit("wms", "events", "warm-" + i + ".jsonl", warm(i).getBytes(StandardCharsets.UTF_8), null, null);
			}
			long start = System.nanoTime();
			long applied = 0;
			for (int from = 0; from < messages; from += BATCH) {
				List<Ingestion.Document> batch = new ArrayList<>();
				for (int i = from; i < Math.min(messages, from + BATCH); i++) {
					batch.add(new Ingestion.Document("wms", "events", "bench-" + i + ".jsonl", payloads.get(i), Map.of()));
				}
				for (Ingestion.Result result : ingestion.submitBatch(batch)) {
					applied += result.outcomes().getOrDefault("APPLIED", 0L);
				}
			}
			double ours = messages / ((System.nanoTime() - start) / 1e9);
			if (applied != messages) {
				throw new IllegalStateException("only " + applied + " of " + messages + " events applied");
			}
			int singles = Math.min(1000, messages);
			start = System.nanoTime();
			for (int i = 0; i < singles; i++) {
				ingestion.submit("wms", "events", "single-" + i + ".jsonl",
						event(messages + i).getBytes(StandardCharsets.UTF_8), null, null);
			}
			double single = singles / ((System.nanoTime() - start) / 1e9);
			double raw = baseline(store, payloads);
			System.out.printf(Locale.ROOT, "  raw batched INSERTs (journal row + event row, 500 per commit): %.0f msg/s%n", raw);
			System.out.printf(Locale.ROOT, "  Syncline parse+map+apply+journal, %d messages per commit: %.0f msg/s, ratio %.2f×%n",
					BATCH, ours, ours / raw);
			System.out.printf(Locale.ROOT, "  (one message per submit, commits of its own: %.0f msg/s)%n", single);
		}
	}

	private static String event(int i) {
		return String.format(Locale.ROOT, "{\"eventId\": \"bench-%08d\", \"type\": \"RECEIPT\", \"item\": \"HS-00100%d\", "
				+ "\"warehouse\": \"ATL\", \"qty\": 1, \"uom\": \"EA\", \"at\": \"2026-11-26T10:00:00Z\"}%n", i, i % 10);
	}

	private static String warm(int i) {
		return event(i).replace("bench-", "warm-");
	}

	private static double baseline(Store store, List<byte[]> payloads) throws Exception {
		try (Connection connection = store.connection()) {
			try (Statement ddl = connection.createStatement()) {
				ddl.execute("CREATE TABLE bench_events (id BIGINT PRIMARY KEY, payload VARCHAR(4000))");
			}
			connection.commit();
			long start = System.nanoTime();
			try (PreparedStatement journal = connection.prepareStatement("INSERT INTO messages (tenant_id, partner_id, "
					+ "flow, direction, document_type, source_name, status, received_at, payload_size, payload_sha256, "
					+ "payload_gzip) VALUES ('raw', 'wms', 'inventory', 'IN', 'events', ?, 'APPLIED', ?, ?, ?, ?)");
					PreparedStatement event = connection.prepareStatement(
							"INSERT INTO bench_events (id, payload) VALUES (?, ?)")) {
				for (int i = 0; i < payloads.size(); i++) {
					byte[] payload = payloads.get(i);
					journal.setString(1, "raw-" + i + ".jsonl");
					journal.setObject(2, OffsetDateTime.now());
					journal.setLong(3, payload.length);
					journal.setString(4, Payloads.sha256(payload));
					journal.setBytes(5, Payloads.gzip(payload));
					journal.addBatch();
					event.setLong(1, i);
					event.setString(2, new String(payload, StandardCharsets.UTF_8));
					event.addBatch();
					if ((i + 1) % 500 == 0 || i == payloads.size() - 1) {
						journal.executeBatch();
						event.executeBatch();
						connection.commit();
					}
				}
			}
			return payloads.size() / ((System.nanoTime() - start) / 1e9);
		}
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
