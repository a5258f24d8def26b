package io.syncline.runtime.api;

import java.time.Instant;

/**
 * Something that happened in the runtime, for live views: a message received, applied or failed, an exception
 * opened or changed, a business document's status changed.
 */
public record RuntimeEvent(Type type, Instant at, Long messageId, Long exceptionId, String partnerId,
		String documentType, String businessKey, String status, String detail) {

	public enum Type {
		MESSAGE_RECEIVED, MESSAGE_APPLIED, MESSAGE_FAILED, EXCEPTION_OPENED, EXCEPTION_CHANGED, STATUS_CHANGED
	}
}
