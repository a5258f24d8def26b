package io.syncline.formats.x12;

import java.util.List;

/** What a 997 says about one received transaction set: its id, control number and the errors found in it. */
public record TransactionAck(String transactionSet, String controlNumber, List<SegmentNote> notes) {

	public boolean accepted() {
		return notes.isEmpty();
	}

	/** One bad segment (AK3), with the element (AK4) if the error is in an element; 0 when it is not. */
	public record SegmentNote(String segmentTag, int segmentPosition, String segmentErrorCode, int elementPosition,
			int componentPosition, String elementErrorCode, String badData) {
	}
}
