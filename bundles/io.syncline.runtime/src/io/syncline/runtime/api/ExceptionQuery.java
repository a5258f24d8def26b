package io.syncline.runtime.api;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for the exception queue (null means any), keyset-paged by id, oldest first. {@code openOnly} keeps OPEN
 * and RETRYING; {@code state} names one state (OPEN, RETRYING, RESOLVED, IGNORED); {@code partnerId} keeps those of
 * the partner's messages; {@code createdBefore} keeps those older than an instant (an age filter).
 */
public record ExceptionQuery(boolean openOnly, String kind, String assignee, long afterId, int pageSize,
		String partnerId, String state, Instant createdBefore) {

	public static final Set<String> STATES = Set.of("OPEN", "RETRYING", "RESOLVED", "IGNORED");

	public ExceptionQuery {
		if (pageSize <= 0 || pageSize > 10_000) {
			throw new IllegalArgumentException("page size must be 1 to 10000, not " + pageSize);
		}
		if (state != null && !STATES.contains(state)) {
			throw new IllegalArgumentException("state is OPEN, RETRYING, RESOLVED or IGNORED, not '" + state + "'");
		}
	}

	/** By kind and assignee only. */
	public ExceptionQuery(boolean openOnly, String kind, String assignee, long afterId, int pageSize) {
		this(openOnly, kind, assignee, afterId, pageSize, null, null, null);
	}

	public static ExceptionQuery open() {
		return new ExceptionQuery(true, null, null, 0, 200);
	}

	public static ExceptionQuery everything() {
		return new ExceptionQuery(false, null, null, 0, 200);
	}

	public ExceptionQuery ofKind(String value) {
		return new ExceptionQuery(openOnly, value, assignee, afterId, pageSize, partnerId, state, createdBefore);
	}

	public ExceptionQuery assignedTo(String value) {
		return new ExceptionQuery(openOnly, kind, value, afterId, pageSize, partnerId, state, createdBefore);
	}

	public ExceptionQuery after(long id) {
		return new ExceptionQuery(openOnly, kind, assignee, id, pageSize, partnerId, state, createdBefore);
	}

	public ExceptionQuery pageSize(int size) {
		return new ExceptionQuery(openOnly, kind, assignee, afterId, size, partnerId, state, createdBefore);
	}

	public ExceptionQuery ofPartner(String value) {
		return new ExceptionQuery(openOnly, kind, assignee, afterId, pageSize, value, state, createdBefore);
	}

	public ExceptionQuery inState(String value) {
		return new ExceptionQuery(openOnly, kind, assignee, afterId, pageSize, partnerId, value, createdBefore);
	}

	public ExceptionQuery createdBefore(Instant value) {
		return new ExceptionQuery(openOnly, kind, assignee, afterId, pageSize, partnerId, state, value);
	}
}
