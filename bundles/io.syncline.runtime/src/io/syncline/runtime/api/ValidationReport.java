package io.syncline.runtime.api;

import java.util.List;

/** What parsing and mapping a payload found, without applying anything. */
public record ValidationReport(String documentType, String mapping, long records, List<String> problems) {

	public ValidationReport {
		problems = List.copyOf(problems);
	}

	public boolean valid() {
		return problems.isEmpty();
	}
}
