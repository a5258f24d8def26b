package io.syncline.runtime.local.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.syncline.engine.Ingestion;
import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;

/**
 * What the runtime tells its subscribers: what a processed message did (its outcome, the exceptions it opened, the
 * new status of the orders it touched) and what changed on an exception. When nobody listens, nothing is looked up.
 */
public final class Announcements {

	private final String tenantId;
	private final EventBus events;
	private final ExceptionQueue queue;
	private final JournalSearch search;
	private final Documents documents;
	/** The last status told per purchase and sales order, so a status event is raised only when it changes. */
	private final Map<String, String> toldStatus = new ConcurrentHashMap<>();

	public Announcements(String tenantId, EventBus events, ExceptionQueue queue, JournalSearch search,
			Documents documents) {
		this.tenantId = tenantId;
		this.events = events;
		this.queue = queue;
		this.search = search;
		this.documents = documents;
	}

	/** Exception events per message at most. */
	static final int EXCEPTIONS_ANNOUNCED = 100;

	public void message(Ingestion.Result result) throws SQLException {
		if (!events.hasSubscribers()) {
			return;
		}
		Instant now = Instant.now();
		long id = result.messageId();
		events.publish(new RuntimeEvent(RuntimeEvent.Type.MESSAGE_RECEIVED, now, id, null, result.partner(),
				result.documentType(), null, "RECEIVED", result.file()));
		boolean failed = result.status().equals(MessageJournal.Status.FAILED.name());
		events.publish(new RuntimeEvent(failed ? RuntimeEvent.Type.MESSAGE_FAILED : RuntimeEvent.Type.MESSAGE_APPLIED,
				now, id, null, result.partner(), result.documentType(), null, result.status(),
				result.records() + " record(s), outcomes " + result.outcomes()));
		// a live view wants to hear that exceptions opened, not a million events for one file: the queue has them all
		for (ExceptionQueue.Item item : queue.ofMessage(tenantId, id, EXCEPTIONS_ANNOUNCED)) {
			events.publish(new RuntimeEvent(RuntimeEvent.Type.EXCEPTION_OPENED, now, id, item.id(), result.partner(),
					result.documentType(), item.businessKey(), item.state().name(), item.detail()));
		}
		Map<String, String> keys = search.keysOf(tenantId, id);
		status(BusinessDocument.Type.PO, keys.get("PO"), result, now);
		status(BusinessDocument.Type.SO, keys.get("SO"), result, now);
	}

	/** When each large message's progress was last logged: a line every few seconds, not one per chunk. */
	private final Map<Long, Long> progressLogged = new ConcurrentHashMap<>();

	private static final long PROGRESS_LOGGED_EVERY_NANOS = 5_000_000_000L;

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Announcements.class);

	/**
	 * How far a large message has come, after each chunk it committed: in the log every few seconds, for whoever
	 * watches a long-running serve, and as an event to subscribers.
	 */
	public void progress(long messageId, String sourceName, long records, long bytesRead, long totalBytes) {
		long now = System.nanoTime();
		Long last = progressLogged.get(messageId);
		if (last == null || now - last >= PROGRESS_LOGGED_EVERY_NANOS) {
			progressLogged.put(messageId, now);
			LOG.info("message {} ({}): {} records done, {} % of its bytes read", messageId, sourceName, records,
					new io.syncline.runtime.api.MessageProgress(records, bytesRead, totalBytes).percent());
		}
		if (events.hasSubscribers()) {
			events.publish(new RuntimeEvent(RuntimeEvent.Type.MESSAGE_PROGRESS, Instant.now(), messageId, null, null,
					null, null, MessageJournal.Status.RECEIVED.name(), sourceName,
					new io.syncline.runtime.api.MessageProgress(records, bytesRead, totalBytes)));
		}
	}

	/** A message set aside instead of resumed, with the POISON exception that says why. */
	public void quarantined(long messageId, long exceptionId, String partnerId, String documentType, String detail) {
		if (events.hasSubscribers()) {
			events.publish(new RuntimeEvent(RuntimeEvent.Type.MESSAGE_QUARANTINED, Instant.now(), messageId,
					exceptionId, partnerId, documentType, null, MessageJournal.Status.QUARANTINED.name(), detail));
		}
	}

	/** A status event for each purchase or sales order the message touched whose status is not the one last told. */
	private void status(BusinessDocument.Type type, String keys, Ingestion.Result result, Instant now)
			throws SQLException {
		if (keys == null) {
			return;
		}
		for (String key : keys.split(", ")) {
			Optional<BusinessDocument> document = documents.find(type, key);
			if (document.isPresent()) {
				String status = document.get().status();
				if (!status.equals(toldStatus.put(type + ":" + key, status))) {
					events.publish(new RuntimeEvent(RuntimeEvent.Type.STATUS_CHANGED, now, result.messageId(), null,
							result.partner(), result.documentType(), key, status,
							(type == BusinessDocument.Type.PO ? "purchase order " : "sales order ") + key + " is " + status));
				}
			}
		}
	}

	/** A sales order's status changed by a call rather than a message (a shipment confirmed). */
	public void orderStatus(String orderNumber, String status) {
		toldStatus.put(BusinessDocument.Type.SO + ":" + orderNumber, status);
		if (events.hasSubscribers()) {
			events.publish(new RuntimeEvent(RuntimeEvent.Type.STATUS_CHANGED, Instant.now(), null, null, null, null,
					orderNumber, status, "sales order " + orderNumber + " is " + status));
		}
	}

	public void exceptionChanged(long exceptionId, String detail) throws SQLException {
		if (!events.hasSubscribers()) {
			return;
		}
		ExceptionQueue.Item item = queue.get(tenantId, exceptionId);
		events.publish(new RuntimeEvent(RuntimeEvent.Type.EXCEPTION_CHANGED, Instant.now(), item.messageId(),
				exceptionId, null, null, item.businessKey(), item.state().name(), detail));
	}
}
