package io.syncline.runtime.api;

import java.time.Instant;

/**
 * Something that happened in the runtime, for live views: a message received, applied or failed, an exception
 * opened or changed, a business document's status changed.
 */
public record RuntimeEvent(Type type, Instant at, Long messageId, Long exceptionId, String partnerId,
		String documentType, String businessKey, String status, String detail, MessageProgress progress, long id) {

	public enum Type {
		MESSAGE_RECEIVED, MESSAGE_APPLIED, MESSAGE_FAILED, EXCEPTION_OPENED, EXCEPTION_CHANGED, STATUS_CHANGED,
		/** A large message committed another chunk: {@link RuntimeEvent#progress()} says how far it is. */
		MESSAGE_PROGRESS,
		/** A message set aside after it stopped the runtime on every start (see its POISON exception). */
		MESSAGE_QUARANTINED,
		/** An SLA clock passed 80 % of its time; {@code businessKey} is the document's key, detail the rule. */
		SLA_WARNING,
		/** An SLA clock ran out: its SLA_BREACH exception is {@code exceptionId}. */
		SLA_BREACHED,
		/** An SLA clock stopped with its reply: {@code status} MET or MET_LATE. */
		SLA_MET,
		/**
		 * A background worker held a unit of this tenant's work past its bound without progress; {@code detail}
		 * names the worker and the unit.
		 */
		WORKER_STUCK,
		/** A stuck worker's unit moved again or ended. */
		WORKER_RECOVERED,
		/** The tenant's retention policy purged old data; {@code detail} says what, by kind. */
		RETENTION_PURGED
	}

	/** An event that carries no progress, before the runtime gave it its id. */
	public RuntimeEvent(Type type, Instant at, Long messageId, Long exceptionId, String partnerId, String documentType,
			String businessKey, String status, String detail) {
		this(type, at, messageId, exceptionId, partnerId, documentType, businessKey, status, detail, null, 0);
	}

	/** An event before the runtime gave it its id. */
	public RuntimeEvent(Type type, Instant at, Long messageId, Long exceptionId, String partnerId, String documentType,
			String businessKey, String status, String detail, MessageProgress progress) {
		this(type, at, messageId, exceptionId, partnerId, documentType, businessKey, status, detail, progress, 0);
	}

	/**
	 * The event with the id its runtime gave it: ids grow by one with every event published, so a subscriber that
	 * reconnects can ask for what came after the last id it saw.
	 */
	public RuntimeEvent withId(long value) {
		return new RuntimeEvent(type, at, messageId, exceptionId, partnerId, documentType, businessKey, status, detail,
				progress, value);
	}
}
