package io.syncline.mapping;

import java.util.List;

import io.syncline.formats.Problem;
import io.syncline.formats.SourceLocation;

/**
 * What mapping one record gave: the output (a canonical object, or a format tree outbound), or the problems that
 * stopped it, or that the mapping's filter skipped it.
 */
public record MapOutcome(SourceLocation record, Object output, List<Problem> problems, boolean filtered) {

	public boolean failed() {
		return !problems.isEmpty();
	}
}
