package io.syncline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.store.Inventory.AtpChange;
import io.syncline.store.JournalEntry;
import io.syncline.store.Store;

/**
 * A batch of WMS event messages applied set-wise has exactly the effects of the same messages applied one at a
 * time: positions, every ATP cause with its before and after, duplicates told apart, message statuses. Two
 * tenants of one database get the same events, one each way. And the set-wise path declines what it does not
 * handle, leaving nothing behind, so the batch still applies record by record. Run on H2 and on PostgreSQL.
 */
abstract class StockEventBatchContract {

	@TempDir
	Path dir;

	protected Store store;

	protected abstract Store open() throws Exception;

	@BeforeEach
	void openStore() throws Exception {
		store = open();
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	private static Path demo(String relative) {
		return Path.of(System.getProperty("syncline.demo")).resolve(relative);
	}

	private Ingestion harbor(String tenant) throws Exception {
		PublishedMappings mappings = new PublishedMappings(store, tenant);
		mappings.importDirectory(demo("mappings"), "test");
		Ingestion ingestion = new Ingestion(store, mappings, tenant, new BigDecimal("2"), null);
		ingestion.ingest("erp", demo("samples/erp-items.csv"));
		ingestion.ingest("wms", demo("samples/wms-atl-snapshot.xml"));
		return ingestion;
	}

	/**
	 * The sample's events, one message each (its duplicate line included), plus a message of two events, events
	 * at a warehouse with no positions yet, and an event id sent twice within the batch.
	 */
	private static List<String> messages() throws Exception {
		List<String> messages = new ArrayList<>(Files.readAllLines(demo("samples/wms-events.jsonl")));
		messages.add(event("t-1", "RECEIPT", "HS-001002", "DAL", 40, null) + "\n"
				+ event("t-2", "PICK", "HS-001002", "DAL", -15, null));
		messages.add(event("t-3", "ADJUSTMENT", "HS-001002", "DAL", 5, "DAMAGED"));
		messages.add(event("t-4", "CYCLE_COUNT", "HS-001004", "ATL", 77, null));
		messages.add(event("t-3", "ADJUSTMENT", "HS-001002", "DAL", 5, "DAMAGED"));
		messages.add(event("t-5", "ADJUSTMENT", "HS-001004", "ATL", 7, "SHRINK"));
		return messages;
	}

	private static String event(String id, String type, String item, String warehouse, int quantity, String reason) {
		return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"item\": \"" + item + "\", \"warehouse\": \""
				+ warehouse + "\", \"qty\": " + quantity + ", \"uom\": \"EA\", \"at\": \"2026-11-27T10:00:00Z\""
				+ (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}";
	}

	private static List<Ingestion.Document> documents(List<String> messages) {
		List<Ingestion.Document> documents = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			documents.add(new Ingestion.Document("wms", "events", "events-" + i + ".jsonl",
					(messages.get(i) + "\n").getBytes(StandardCharsets.UTF_8), Map.of()));
		}
		return documents;
	}

	@Test
	void setWiseHasTheEffectsOfOneAtATime() throws Exception {
		List<String> messages = messages();
		Ingestion batched = harbor("batched");
		Ingestion single = harbor("single");

		List<Ingestion.Result> batchResults = setWise("batched", documents(messages));
		List<Ingestion.Result> singleResults = new ArrayList<>();
		for (Ingestion.Document document : documents(messages)) {
			singleResults.add(single.submit(document.partner(), document.documentType(), document.sourceName(),
					document.payload(), null, null));
		}

		assertEquals(singleResults.size(), batchResults.size());
		long duplicates = 0;
		for (int i = 0; i < batchResults.size(); i++) {
			assertEquals(singleResults.get(i).outcomes(), batchResults.get(i).outcomes(), "message " + i);
			assertEquals(singleResults.get(i).status(), batchResults.get(i).status(), "message " + i);
			assertEquals(singleResults.get(i).records(), batchResults.get(i).records(), "message " + i);
			duplicates += batchResults.get(i).outcomes().getOrDefault("DUPLICATE", 0L);
		}
		assertEquals(2, duplicates, "the sample's duplicate line and t-3 sent twice");

		InventorySync inventory = new InventorySync(store);
		Set<List<String>> touched = new LinkedHashSet<>();
		for (String message : messages) {
			for (String line : message.split("\n")) {
				touched.add(List.of(field(line, "item"), field(line, "warehouse")));
			}
		}
		for (List<String> position : touched) {
			String item = position.get(0);
			String warehouse = position.get(1);
			assertEquals(inventory.atp("single", item, warehouse), inventory.atp("batched", item, warehouse),
					item + " at " + warehouse);
			assertEquals(causes(inventory.explainAtp("single", item, warehouse), singleResults),
					causes(inventory.explainAtp("batched", item, warehouse), batchResults), item + " at " + warehouse);
		}
		assertEquals(List.of("t-1", "t-2", "t-3"), inventory.explainAtp("batched", "HS-001002", "DAL").stream()
				.map(AtpChange::reference).toList(), "a position made by the batch, t-3 applied once");
	}

	/** Journals the documents and applies them set-wise, which must take them, in one transaction. */
	private List<Ingestion.Result> setWise(String tenant, List<Ingestion.Document> documents) throws Exception {
		try (Connection connection = store.connection()) {
			List<Ingestion.Result> results = new StockEventBatch(store, tenant, new PublishedMappings(store, tenant))
					.apply(connection, incoming(tenant, documents), "wms-events");
			assertNotNull(results, "the set-wise path takes a batch of plain events");
			connection.commit();
			return results;
		}
	}

	private static List<StockEventBatch.Incoming> incoming(String tenant, List<Ingestion.Document> documents) {
		return documents.stream().map(document -> new StockEventBatch.Incoming(new JournalEntry(tenant, "wms",
				"inventory", "IN", "events", document.sourceName(), null, java.time.OffsetDateTime.now(), Map.of()),
				document.payload())).toList();
	}

	/** Each cause as cause, reference, before, after and detail, its message named by its place in the batch. */
	private static List<String> causes(List<AtpChange> history, List<Ingestion.Result> results) {
		List<String> causes = new ArrayList<>();
		for (AtpChange change : history) {
			String detail = change.detail();
			for (int i = 0; i < results.size(); i++) {
				detail = detail.replace("message " + results.get(i).messageId(), "message #" + i);
			}
			// the snapshot loaded before the batch has a message id of its own in each tenant
			String reference = change.reference().replaceFirst("^snapshot message \\d+$", "snapshot");
			causes.add(change.cause() + " " + reference + " " + plain(change.before()) + " → "
					+ plain(change.after()) + " " + detail);
		}
		return causes;
	}

	private long journaled(String tenant) throws Exception {
		try (Connection connection = store.connection();
				java.sql.PreparedStatement count = connection.prepareStatement(
						"SELECT COUNT(*) FROM messages WHERE tenant_id = ?")) {
			count.setString(1, tenant);
			try (java.sql.ResultSet row = count.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static String plain(BigDecimal value) {
		return value == null ? "none" : value.stripTrailingZeros().toPlainString();
	}

	private static String field(String json, String name) {
		int start = json.indexOf("\"" + name + "\": \"") + name.length() + 5;
		return json.substring(start, json.indexOf('"', start));
	}

	@Test
	void whatItDoesNotHandleIsLeftToOneAtATimeWithNothingWritten() throws Exception {
		Ingestion ingestion = harbor("declined");
		List<String> messages = new ArrayList<>(List.of(event("d-1", "RECEIPT", "HS-001001", "ATL", 10, null),
				"{\"eventId\": \"d-2\", \"type\": \"RECEIPT\", \"item\": \"HS-001001\", \"warehouse\": \"ATL\", "
						+ "\"qty\": \"ten\", \"uom\": \"EA\", \"at\": \"2026-11-27T10:00:00Z\"}"));
		List<Ingestion.Document> documents = documents(messages);
		StockEventBatch setWise = new StockEventBatch(store, "declined", new PublishedMappings(store, "declined"));
		long journaledBefore = journaled("declined");
		try (Connection connection = store.connection()) {
			List<StockEventBatch.Incoming> incoming = incoming("declined", documents);
			assertNull(setWise.apply(connection, incoming, "wms-events"), "a record that does not map is declined");
			connection.commit();
		}
		assertEquals(journaledBefore, journaled("declined"), "declined, nothing was journaled");
		try (Connection connection = store.connection()) {
			assertNotNull(setWise.apply(connection, incoming("declined", documents).subList(0, 1), "wms-events"),
					"the plain message alone is taken");
			connection.rollback();
		}

		// a position waiting behind an earlier message's retry: the batch must wait too, record by record
		long earlier = ingestion.submit("wms", "events", "earlier.jsonl",
				(event("d-0", "RECEIPT", "HS-001003", "ATL", 1, null) + "\n").getBytes(StandardCharsets.UTF_8), null,
				null).messageId();
		try (Connection connection = store.connection()) {
			new io.syncline.store.RetryQueue().failed(connection, "declined", earlier, "POS:HS-001003@ATL", "earlier.jsonl",
					"a lock timed out", attempts -> java.time.OffsetDateTime.now().plusHours(1));
			connection.commit();
		}
		List<Ingestion.Document> behindRetry = documents(List.of(event("d-3", "RECEIPT", "HS-001003", "ATL", 5, null)));
		try (Connection connection = store.connection()) {
			assertNull(setWise.apply(connection, incoming("declined", behindRetry), "wms-events"),
					"a position waiting behind a retry is declined");
			connection.rollback();
		}
		assertEquals("PARKED", ingestion.submitBatch(behindRetry).get(0).status());

		BigDecimal before = new InventorySync(store).atp("declined", "HS-001001", "ATL");
		List<Ingestion.Result> results = ingestion.submitBatch(documents);
		assertEquals("APPLIED", results.get(0).status());
		assertEquals("FAILED", results.get(1).status());
		assertEquals(Long.valueOf(1), results.get(1).outcomes().get("MAPPING_ERROR"));
		assertEquals(before.add(BigDecimal.TEN), new InventorySync(store).atp("declined", "HS-001001", "ATL"),
				"the good event applied once, one record at a time");
	}
}
