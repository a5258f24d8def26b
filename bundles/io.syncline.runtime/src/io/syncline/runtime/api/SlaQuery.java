package io.syncline.runtime.api;

/**
 * Which SLA clocks to list (null means any), keyset-paged by id. {@code view}: OPEN (running), DUE_SOON (running,
 * past 80 % of its time), BREACHED (ran out, whether or not the reply came since), MET (replied, in time or late),
 * or null for all.
 */
public record SlaQuery(View view, String partnerId, String documentType, long afterId, int pageSize) {

	public enum View {
		OPEN, DUE_SOON, BREACHED, MET
	}

	public SlaQuery {
		if (pageSize <= 0 || pageSize > 10_000) {
			throw new IllegalArgumentException("page size must be 1 to 10000, not " + pageSize);
		}
	}

	public static SlaQuery all() {
		return new SlaQuery(null, null, null, 0, 200);
	}

	public SlaQuery in(View value) {
		return new SlaQuery(value, partnerId, documentType, afterId, pageSize);
	}

	public SlaQuery withPartner(String value) {
		return new SlaQuery(view, value, documentType, afterId, pageSize);
	}

	public SlaQuery withDocumentType(String value) {
		return new SlaQuery(view, partnerId, value, afterId, pageSize);
	}

	public SlaQuery after(long id) {
		return new SlaQuery(view, partnerId, documentType, id, pageSize);
	}
}
