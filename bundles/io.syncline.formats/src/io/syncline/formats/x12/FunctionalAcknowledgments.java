package io.syncline.formats.x12;

import java.util.ArrayList;
import java.util.List;

import io.syncline.formats.Node;
import io.syncline.formats.SourceLocation;

/**
 * The 997 both ways: built for a functional group we received, as a transaction tree ready for {@link X12Writer};
 * read from one a partner sent about a group of ours.
 */
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

	/** What a 997 transaction set, as the X12 reader gives it, says. */
	public static ReceivedAck read(Node ack) {
		List<ReceivedAck.SetAck> sets = new ArrayList<>();
		for (Node loop : ack.children("AK2_LOOP")) {
			List<TransactionAck.SegmentNote> notes = new ArrayList<>();
			for (Node segmentLoop : loop.children("AK3_LOOP")) {
				Node ak3 = segmentLoop.child("AK3");
				List<Node> elements = segmentLoop.children("AK4");
				if (elements.isEmpty()) {
					notes.add(new TransactionAck.SegmentNote(value(ak3, "AK301"), number(value(ak3, "AK302")),
							value(ak3, "AK304"), 0, 0, null, null));
				}
				for (Node ak4 : elements) {
					Node position = ak4.child("AK401");
					boolean composite = position != null && position.value() == null && position.childCount() > 0;
					notes.add(new TransactionAck.SegmentNote(value(ak3, "AK301"), number(value(ak3, "AK302")),
							value(ak3, "AK304"),
							number(composite ? position.childAt(0).value() : value(ak4, "AK401")),
							composite && position.childCount() > 1 ? number(position.childAt(1).value()) : 0,
							value(ak4, "AK403"), value(ak4, "AK404")));
				}
			}
			Node ak2 = loop.child("AK2");
			sets.add(new ReceivedAck.SetAck(value(ak2, "AK201"), value(ak2, "AK202"), value(loop.child("AK5"), "AK501"),
					notes));
		}
		Node ak1 = ack.child("AK1");
		return new ReceivedAck(value(ak1, "AK101"), value(ak1, "AK102"), value(ack.child("AK9"), "AK901"), sets);
	}

	private static String value(Node segment, String element) {
		Node found = segment == null ? null : segment.child(element);
		return found == null ? null : found.value();
	}

	/** A count or position as sent; 0 when missing or not a number (the reader reports that as a problem). */
	private static int number(String text) {
		try {
			return text == null ? 0 : Integer.parseInt(text.strip());
		} catch (NumberFormatException e) {
			return 0;
		}
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
