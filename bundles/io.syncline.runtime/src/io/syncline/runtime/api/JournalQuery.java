package io.syncline.runtime.api;

import java.time.Instant;

/**
 * Filters for the journal; null means any. Keyset-paged by id, never by offset: {@code afterId} is the last id of
 * the previous page, 0 for the first. Oldest first by default; {@link #newestFirst()} pages from the newest
 * message down, as monitors show them, and then {@code afterId} is the lowest id seen so far.
 */
public record JournalQuery(String partnerId, String flow, String documentType, String direction, String status,
		String businessKey, Instant from, Instant to, long afterId, int pageSize, boolean descending) {

	public static final int DEFAULT_PAGE_SIZE = 200;

	public JournalQuery {
		if (pageSize <= 0 || pageSize > 10_000) {
			throw new IllegalArgumentException("page size must be 1 to 10000, not " + pageSize);
		}
	}

	/** Oldest first. */
	public JournalQuery(String partnerId, String flow, String documentType, String direction, String status,
			String businessKey, Instant from, Instant to, long afterId, int pageSize) {
		this(partnerId, flow, documentType, direction, status, businessKey, from, to, afterId, pageSize, false);
	}

	public static JournalQuery all() {
		return new JournalQuery(null, null, null, null, null, null, null, null, 0, DEFAULT_PAGE_SIZE, false);
	}

	private JournalQuery with(String partner, String flowName, String type, String inOrOut, String state, String key,
			Instant start, Instant end, long after, int size, boolean newest) {
		return new JournalQuery(partner, flowName, type, inOrOut, state, key, start, end, after, size, newest);
	}

	public JournalQuery withPartner(String value) {
		return with(value, flow, documentType, direction, status, businessKey, from, to, afterId, pageSize, descending);
	}

	public JournalQuery withFlow(String value) {
		return with(partnerId, value, documentType, direction, status, businessKey, from, to, afterId, pageSize, descending);
	}

	public JournalQuery withDocumentType(String value) {
		return with(partnerId, flow, value, direction, status, businessKey, from, to, afterId, pageSize, descending);
	}

	public JournalQuery withDirection(String value) {
		return with(partnerId, flow, documentType, value, status, businessKey, from, to, afterId, pageSize, descending);
	}

	public JournalQuery withStatus(String value) {
		return with(partnerId, flow, documentType, direction, value, businessKey, from, to, afterId, pageSize, descending);
	}

	public JournalQuery withBusinessKey(String value) {
		return with(partnerId, flow, documentType, direction, status, value, from, to, afterId, pageSize, descending);
	}

	public JournalQuery between(Instant start, Instant end) {
		return with(partnerId, flow, documentType, direction, status, businessKey, start, end, afterId, pageSize,
				descending);
	}

	public JournalQuery after(long id) {
		return with(partnerId, flow, documentType, direction, status, businessKey, from, to, id, pageSize, descending);
	}

	public JournalQuery pageSize(int size) {
		return with(partnerId, flow, documentType, direction, status, businessKey, from, to, afterId, size, descending);
	}

	/** Oldest first (the default), as a journal was written: {@link #after(long)} takes the highest id seen. */
	public JournalQuery oldestFirst() {
		return with(partnerId, flow, documentType, direction, status, businessKey, from, to, afterId, pageSize, false);
	}

	/** Newest first; {@link #after(long)} then takes the lowest id of the previous page. */
	public JournalQuery newestFirst() {
		return with(partnerId, flow, documentType, direction, status, businessKey, from, to, afterId, pageSize, true);
	}
}
