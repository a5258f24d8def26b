package io.syncline.runtime.api;

import java.time.Instant;

/**
 * Filters for the journal; null means any. Paged by id: {@code afterId} is the last id of the previous page, 0 for
 * the first.
 */
public record JournalQuery(String partnerId, String flow, String documentType, String direction, String status,
		String businessKey, Instant from, Instant to, long afterId, int pageSize) {

	public static final int DEFAULT_PAGE_SIZE = 200;

	public JournalQuery {
		if (pageSize <= 0 || pageSize > 10_000) {
			throw new IllegalArgumentException("page size must be 1 to 10000, not " + pageSize);
		}
	}

	public static JournalQuery all() {
		return new JournalQuery(null, null, null, null, null, null, null, null, 0, DEFAULT_PAGE_SIZE);
	}

	public JournalQuery withPartner(String value) {
		return new JournalQuery(value, flow, documentType, direction, status, businessKey, from, to, afterId, pageSize);
	}

	public JournalQuery withFlow(String value) {
		return new JournalQuery(partnerId, value, documentType, direction, status, businessKey, from, to, afterId, pageSize);
	}

	public JournalQuery withDocumentType(String value) {
		return new JournalQuery(partnerId, flow, value, direction, status, businessKey, from, to, afterId, pageSize);
	}

	public JournalQuery withDirection(String value) {
		return new JournalQuery(partnerId, flow, documentType, value, status, businessKey, from, to, afterId, pageSize);
	}

	public JournalQuery withStatus(String value) {
		return new JournalQuery(partnerId, flow, documentType, direction, value, businessKey, from, to, afterId, pageSize);
	}

	public JournalQuery withBusinessKey(String value) {
		return new JournalQuery(partnerId, flow, documentType, direction, status, value, from, to, afterId, pageSize);
	}

	public JournalQuery between(Instant start, Instant end) {
		return new JournalQuery(partnerId, flow, documentType, direction, status, businessKey, start, end, afterId, pageSize);
	}

	public JournalQuery after(long id) {
		return new JournalQuery(partnerId, flow, documentType, direction, status, businessKey, from, to, id, pageSize);
	}

	public JournalQuery pageSize(int size) {
		return new JournalQuery(partnerId, flow, documentType, direction, status, businessKey, from, to, afterId, size);
	}
}
