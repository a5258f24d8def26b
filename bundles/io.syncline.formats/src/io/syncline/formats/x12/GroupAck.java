package io.syncline.formats.x12;

import java.util.ArrayList;
import java.util.List;

/** What a 997 says about one received functional group (AK1/AK9), with its transaction sets (AK2/AK5). */
public final class GroupAck {

	private final String functionalId;
	private final String controlNumber;
	private final String senderId;
	private final String receiverId;
	private final String interchangeSenderQualifier;
	private final String interchangeSenderId;
	private final String interchangeReceiverQualifier;
	private final String interchangeReceiverId;
	private final List<TransactionAck> transactions = new ArrayList<>();
	private boolean groupErrors;

	public GroupAck(String functionalId, String controlNumber, String senderId, String receiverId,
			String interchangeSenderQualifier, String interchangeSenderId, String interchangeReceiverQualifier,
			String interchangeReceiverId) {
		this.functionalId = functionalId;
		this.controlNumber = controlNumber;
		this.senderId = senderId;
		this.receiverId = receiverId;
		this.interchangeSenderQualifier = interchangeSenderQualifier;
		this.interchangeSenderId = interchangeSenderId;
		this.interchangeReceiverQualifier = interchangeReceiverQualifier;
		this.interchangeReceiverId = interchangeReceiverId;
	}

	void add(TransactionAck transaction) {
		transactions.add(transaction);
	}

	void markGroupError() {
		groupErrors = true;
	}

	public String functionalId() {
		return functionalId;
	}

	public String controlNumber() {
		return controlNumber;
	}

	public String senderId() {
		return senderId;
	}

	public String receiverId() {
		return receiverId;
	}

	public String interchangeSenderQualifier() {
		return interchangeSenderQualifier;
	}

	public String interchangeSenderId() {
		return interchangeSenderId;
	}

	public String interchangeReceiverQualifier() {
		return interchangeReceiverQualifier;
	}

	public String interchangeReceiverId() {
		return interchangeReceiverId;
	}

	public List<TransactionAck> transactions() {
		return List.copyOf(transactions);
	}

	public long acceptedCount() {
		return transactions.stream().filter(TransactionAck::accepted).count();
	}

	/** AK901: A accepted, P partially accepted, R rejected, E accepted with errors in the group envelope. */
	public String acknowledgmentCode() {
		long accepted = acceptedCount();
		if (accepted == transactions.size()) {
			return groupErrors ? "E" : "A";
		}
		return accepted == 0 ? "R" : "P";
	}
}
