package io.syncline.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingRunner;
import io.syncline.model.canonical.InventoryEvent;
import io.syncline.store.Catalog;
import io.syncline.store.IdempotencyKeys;
import io.syncline.store.Inventory;
import io.syncline.store.Inventory.AtpRecord;
import io.syncline.store.Inventory.Position;
import io.syncline.store.JournalEntry;
import io.syncline.store.MessageJournal;
import io.syncline.store.RetryQueue;
import io.syncline.store.Store;

/**
 * A batch of WMS event messages journaled and applied set-wise: every event claimed in one batched statement, the
 * positions they touch read under lock in one query, the changes worked out in order in memory, then journal rows
 * (once, with their final status), positions and ATP causes written with one batched statement each. The same effects, causes and outcomes as applying the
 * events one by one ({@link InventorySync#applyEvent}); a dozen statements a batch instead of about ten a message.
 * <p>
 * Only the plain case is taken: every record maps to an event, and no position the batch touches waits behind a
 * retry. Otherwise, or if a statement fails (a lock, a race on a claim), nothing of it is kept (savepoint) and the
 * caller applies the batch one record at a time, which knows how to park, retry and report per record.
 */
final class StockEventBatch {

	/** A message of the batch, to be journaled. */
	record Incoming(JournalEntry entry, byte[] payload) {
	}

	private final String tenantId;
	private final MappingSource mappings;
	private final Inventory inventory = new Inventory();
	private final Catalog catalog;
	private final IdempotencyKeys idempotency;
	private final AtpCalculator calculator;
	private final MessageJournal journal;
	private final RetryQueue retries = new RetryQueue();

	StockEventBatch(Store store, String tenantId, MappingSource mappings) {
		this.tenantId = tenantId;
		this.mappings = mappings;
		this.catalog = new Catalog(store.dialect());
		this.idempotency = new IdempotencyKeys(store.dialect());
		this.calculator = new AtpCalculator(catalog);
		this.journal = new MessageJournal(store);
	}

	/**
	 * A batch that is all WMS stock events through one mapping is journaled and applied set-wise; null for any other
	 * batch, or when the set-wise path declines it (then nothing of it is written).
	 */
	List<Ingestion.Result> applyIfAllEvents(Connection connection, List<JournalEntry> entries, List<byte[]> payloads,
			PartnerDirectory partners) throws IOException, SQLException {
		String mappingName = null;
		List<Incoming> incoming = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			JournalEntry entry = entries.get(i);
			incoming.add(new Incoming(entry, payloads.get(i)));
			RouteCatalog.Route route = partners.inbound(entry.partnerId(), entry.documentType()).orElse(null);
			if (route == null || route.workflow() != Workflow.STOCK_EVENTS
					|| mappingName != null && !mappingName.equals(route.mapping())) {
				return null;
			}
			mappingName = route.mapping();
		}
		if (mappingName == null) {
			return null;
		}
		try {
			return apply(connection, incoming, mappingName);
		} catch (MappingCompileException e) {
			return null; // the one-at-a-time path reports it per message
		}
	}

	/**
	 * Journals and applies the messages; the results, one per message in order. Null if the batch is not the plain
	 * case, and then nothing of it is written, not even its journal rows.
	 */
	List<Ingestion.Result> apply(Connection connection, List<Incoming> messages, String mappingName)
			throws IOException, SQLException, MappingCompileException {
		MappingSource.Resolved mapping = mappings.resolve(mappingName, null);
		List<List<InventoryEvent>> eventsByMessage = new ArrayList<>();
		for (Incoming message : messages) {
			List<InventoryEvent> events = mapEvents(mapping, message);
			if (events == null) {
				return null;
			}
			eventsByMessage.add(events);
		}
		Savepoint start = connection.setSavepoint();
		try {
			List<Ingestion.Result> results = applyAll(connection, messages, eventsByMessage, mapping.version());
			if (results == null) {
				connection.rollback(start);
			} else {
				connection.releaseSavepoint(start);
			}
			return results;
		} catch (SQLException | RuntimeException e) {
			connection.rollback(start);
			return null;
		}
	}

	/** The message's events, or null if any record failed, was filtered or lacks its item or warehouse. */
	private static List<InventoryEvent> mapEvents(MappingSource.Resolved mapping, Incoming message) throws IOException {
		List<InventoryEvent> events = new ArrayList<>();
		boolean[] plain = { true };
		MappingRunner.run(mapping.mapping(), message.entry().sourceName(), message.payload(), (MapOutcome outcome) -> {
			if (outcome.output() instanceof InventoryEvent event && !outcome.failed() && event.getItem() != null
					&& event.getWarehouse() != null && event.getEventId() != null) {
				events.add(event);
			} else {
				plain[0] = false;
			}
		});
		return plain[0] ? events : null;
	}

	private List<Ingestion.Result> applyAll(Connection connection, List<Incoming> messages,
			List<List<InventoryEvent>> eventsByMessage, int mappingVersion) throws SQLException {
		List<InventoryEvent> all = new ArrayList<>();
		eventsByMessage.forEach(all::addAll);
		// every key waiting on a retry is an earlier message's: this batch's messages are not journaled yet
		Set<String> blocked = retries.waiting(connection, tenantId, Long.MAX_VALUE).blocked();
		Map<String, String[]> touched = new TreeMap<>(); // sorted: batches lock positions in one order
		for (InventoryEvent event : all) {
			if (blocked.contains(InventorySync.positionKey(event))) {
				return null;
			}
			touched.putIfAbsent(positionKey(event), new String[] { event.getItem().getItemNumber(), event.getWarehouse().getCode() });
		}
		// written once, already APPLIED: if anything below fails, the savepoint takes these rows back too
		long[] ids = journal.appendAll(connection, messages.stream().map(Incoming::entry).toList(),
				messages.stream().map(Incoming::payload).toList(), MessageJournal.Status.APPLIED, mappingVersion);
		boolean[] claimed = idempotency.claimAll(connection, tenantId,
				all.stream().map(InventorySync::eventKey).toList());
		if (claimed == null) {
			return null;
		}
		Map<String, Position> stored = inventory.positionsForUpdate(connection, tenantId, touched.values());
		Map<String, Position> current = new HashMap<>(stored);
		Map<String, BigDecimal> safety = catalog.safetyStocks(connection, tenantId,
				touched.values().stream().map(pair -> pair[0]).distinct().toList());
		AtpRules rules = calculator.rules(connection, tenantId);
		Map<String, Position> changed = new LinkedHashMap<>();
		List<AtpRecord> causes = new ArrayList<>();
		List<Ingestion.Result> results = new ArrayList<>();
		int index = 0;
		for (int m = 0; m < messages.size(); m++) {
			JournalEntry message = messages.get(m).entry();
			Map<String, Long> outcomes = new TreeMap<>();
			for (InventoryEvent event : eventsByMessage.get(m)) {
				if (!claimed[index++]) {
					outcomes.merge(InventorySync.Outcome.DUPLICATE.name(), 1L, Long::sum);
					continue;
				}
				String key = positionKey(event);
				String item = event.getItem().getItemNumber();
				String warehouse = event.getWarehouse().getCode();
				Position before = current.getOrDefault(key, new Position(item, warehouse, BigDecimal.ZERO,
						BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null));
				Position after = InventorySync.change(before, event);
				BigDecimal itemSafety = safety.getOrDefault(item, BigDecimal.ZERO);
				causes.add(new AtpRecord(item, warehouse, "EVENT", event.getEventId(),
						calculator.atp(connection, tenantId, before, rules, itemSafety),
						calculator.atp(connection, tenantId, after, rules, itemSafety),
						InventorySync.eventDetail(event, ids[m])));
				current.put(key, after);
				changed.put(key, after);
				outcomes.merge(InventorySync.Outcome.APPLIED.name(), 1L, Long::sum);
			}
			results.add(new Ingestion.Result(message.sourceName(), message.partnerId(), message.documentType(),
					ids[m], eventsByMessage.get(m).size(), outcomes, List.of(),
					MessageJournal.Status.APPLIED.name(), mappingVersion));
		}
		inventory.putAll(connection, tenantId, changed.values(), stored.keySet());
		inventory.recordAtpAll(connection, tenantId, causes);
		return results;
	}

	/** The key of an event's position in {@link Inventory#positionsForUpdate}'s answer. */
	private static String positionKey(InventoryEvent event) {
		return Inventory.key(event.getItem().getItemNumber(), event.getWarehouse().getCode());
	}
}
