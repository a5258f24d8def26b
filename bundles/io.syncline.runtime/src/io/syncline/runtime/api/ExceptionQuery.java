package io.syncline.runtime.api;

/** Filters for the exception queue (null means any), keyset-paged by id. */
public record ExceptionQuery(boolean openOnly, String kind, String assignee, long afterId, int pageSize) {

	public ExceptionQuery {
		if (pageSize <= 0 || pageSize > 10_000) {
			throw new IllegalArgumentException("page size must be 1 to 10000, not " + pageSize);
		}
	}

	public static ExceptionQuery open() {
		return new ExceptionQuery(true, null, null, 0, 200);
	}

	public static ExceptionQuery everything() {
		return new ExceptionQuery(false, null, null, 0, 200);
	}

	public ExceptionQuery ofKind(String value) {
		return new ExceptionQuery(openOnly, value, assignee, afterId, pageSize);
	}

	public ExceptionQuery assignedTo(String value) {
		return new ExceptionQuery(openOnly, kind, value, afterId, pageSize);
	}

	public ExceptionQuery after(long id) {
		return new ExceptionQuery(openOnly, kind, assignee, id, pageSize);
	}
}
