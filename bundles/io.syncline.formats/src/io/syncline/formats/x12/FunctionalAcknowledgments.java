package io.syncline.formats.x12;

import io.syncline.formats.Node;
import io.syncline.formats.SourceLocation;

/** Builds the 997 for a received functional group as a transaction tree, ready for {@link X12Writer}. */
public final class FunctionalAcknowledgments {

	private static final SourceLocation GENERATED = SourceLocation.ofFile("generated 997");

	private FunctionalAcknowledgments() {
	}

	public static Node build(GroupAck group) {
		Node ack = Node.branch("997", GENERATED);
		segment(ack, "AK1", group.functionalId(), group.controlNumber());
		for (TransactionAck transaction : group.transactions()) {
			Node loop = ack.add(Node.branch("AK2_LOOP", GENERATED));
			segment(loop, "AK2", transaction.transactionSet(), transaction.controlNumber());
			for (TransactionAck.SegmentNote note : transaction.notes()) {
				Node segmentLoop = loop.add(Node.branch("AK3_LOOP", GENERATED));
				segment(segmentLoop, "AK3", note.segmentTag(), Integer.toString(Math.max(note.segmentPosition(), 1)), null,
						note.segmentErrorCode());
				if (note.elementPosition() > 0) {
					Node ak4 = segmentLoop.add(Node.branch("AK4", GENERATED));
					ak4.addLeaf("AK401", Integer.toString(note.elementPosition()), GENERATED);
					ak4.addLeaf("AK403", note.elementErrorCode(), GENERATED);
					if (note.badData() != null && !note.badData().isEmpty()) {
						ak4.addLeaf("AK404", truncate(note.badData()), GENERATED);
					}
				}
			}
			segment(loop, "AK5", transaction.accepted() ? "A" : "R");
		}
		segment(ack, "AK9", group.acknowledgmentCode(), Integer.toString(group.transactions().size()),
				Integer.toString(group.transactions().size()), Long.toString(group.acceptedCount()));
		return ack;
	}

	private static void segment(Node parent, String tag, String... values) {
		Node segment = parent.add(Node.branch(tag, GENERATED));
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				segment.addLeaf(String.format("%s%02d", tag, i + 1), values[i], GENERATED);
			}
		}
	}

	private static String truncate(String value) {
		return value.length() > 99 ? value.substring(0, 99) : value;
	}
}
