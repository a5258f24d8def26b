package io.syncline.runtime.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** ATP of an item at a warehouse, and every change that made it, oldest first. */
public record AtpExplanation(String itemNumber, String warehouse, BigDecimal atp, List<Change> changes) {

	/** One change: its cause (SNAPSHOT, EVENT, ALLOCATION, RULE …), the message or event, before and after. */
	public record Change(Instant at, String cause, String reference, BigDecimal before, BigDecimal after,
			String detail) {
	}

	public AtpExplanation {
		changes = List.copyOf(changes);
	}
}
