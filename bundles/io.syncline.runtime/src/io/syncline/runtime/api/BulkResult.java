package io.syncline.runtime.api;

import java.util.List;

/** The outcome of a bulk retry, one line per exception; a dry run changes nothing. */
public record BulkResult(boolean dryRun, List<Item> items) {

	/** {@code outcome}: WOULD_APPLY / WOULD_FAIL (dry run), RESUBMITTED / FAILED / SKIPPED. */
	public record Item(long exceptionId, String outcome, String detail) {
	}

	public BulkResult {
		items = List.copyOf(items);
	}

	public long count(String outcome) {
		return items.stream().filter(item -> item.outcome().equals(outcome)).count();
	}
}
