package io.syncline.formats.x12;

import java.util.List;

/**
 * What a partner's 997 says about a functional group we sent it (AK1, AK9), and about each of its transaction sets
 * (AK2, AK5) with the segments and elements it objected to (AK3, AK4). Read by
 * {@link FunctionalAcknowledgments#read}; the codes are the partner's own.
 */
public record ReceivedAck(String functionalId, String groupControlNumber, String groupCode, List<SetAck> sets) {

	/** AK2/AK5 of one transaction set, and its AK3/AK4 notes. */
	public record SetAck(String transactionSet, String controlNumber, String code,
			List<TransactionAck.SegmentNote> notes) {
	}

	public boolean accepted() {
		return "A".equals(groupCode);
	}
}
