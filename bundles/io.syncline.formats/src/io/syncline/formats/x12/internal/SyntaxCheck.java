package io.syncline.formats.x12.internal;

import io.xlate.edi.schema.EDISyntaxRule;

/**
 * An X12 syntax note between element positions of a segment or component positions of a composite, judged on which
 * positions carry a value once the segment (or composite) is complete.
 */
final class SyntaxCheck {

	/** Receives what a rule finds: the 1-based position that is missing or excluded. */
	interface Findings {
		void conditionallyRequiredMissing(int position);

		void exclusionViolated(int position);
	}

	private final EDISyntaxRule.Type type;
	private final int[] positions;

	SyntaxCheck(EDISyntaxRule.Type type, int[] positions) {
		this.type = type;
		this.positions = positions;
	}

	/** @param used whether each 0-based position carried a value */
	void check(boolean[] used, Findings findings) {
		int present = 0;
		boolean anchorPresent = false;
		for (int i = 0; i < positions.length; i++) {
			if (isUsed(used, positions[i])) {
				present++;
				anchorPresent |= i == 0;
			}
		}
		switch (type) {
		case PAIRED -> {
			if (present > 0 && present < positions.length) {
				reportMissing(used, findings);
			}
		}
		case REQUIRED -> {
			if (present == 0) {
				reportMissing(used, findings);
			}
		}
		case EXCLUSION -> {
			if (present > 1) {
				reportExcluded(used, findings);
			}
		}
		case CONDITIONAL -> {
			if (anchorPresent && present < positions.length) {
				reportMissing(used, findings);
			}
		}
		case LIST -> {
			if (anchorPresent && present == 1) {
				reportMissing(used, findings);
			}
		}
		case SINGLE -> {
			if (present > 1) {
				reportExcluded(used, findings);
			} else if (present == 0) {
				reportMissing(used, findings);
			}
		}
		default -> throw new IllegalStateException("syntax rule " + type + " is not supported");
		}
	}

	private void reportMissing(boolean[] used, Findings findings) {
		for (int position : positions) {
			if (!isUsed(used, position)) {
				findings.conditionallyRequiredMissing(position);
			}
		}
	}

	private void reportExcluded(boolean[] used, Findings findings) {
		int tally = 0;
		for (int position : positions) {
			if (isUsed(used, position) && ++tally > 1) {
				findings.exclusionViolated(position);
			}
		}
	}

	private static boolean isUsed(boolean[] used, int position) {
		return position <= used.length && used[position - 1];
	}
}
