package io.syncline.runtime.api;

import java.util.List;
import java.util.Map;

/**
 * What became of a submitted document: its journal id, how many records it held, the outcome of each (APPLIED,
 * PRICE_CHANGE, MAPPING_ERROR …, counted) and the located problems.
 */
public record SubmitResult(long messageId, String partnerId, String documentType, String status, long records,
		Map<String, Long> outcomes, List<String> problems) {

	public SubmitResult {
		outcomes = Map.copyOf(outcomes);
		problems = List.copyOf(problems);
	}

	public boolean clean() {
		return problems.isEmpty();
	}
}
