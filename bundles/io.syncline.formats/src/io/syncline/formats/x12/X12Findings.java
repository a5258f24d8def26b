package io.syncline.formats.x12;

import java.util.ArrayList;
import java.util.List;

import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.SourceLocation;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

/**
 * Where the reader is in the envelope, and what it found there: each validation error becomes a located problem
 * for the person reading the file and a note for the transaction set's 997 (AK3/AK4).
 */
final class X12Findings {

	private final String source;
	private final ProblemSink problems;
	private final List<GroupAck> acknowledgments = new ArrayList<>();
	private GroupAck group;
	private List<TransactionAck.SegmentNote> notes;
	private String interchangeControl;
	private String groupControl;
	private String transactionControl;

	X12Findings(String source, ProblemSink problems) {
		this.source = source;
		this.problems = problems;
	}

	List<GroupAck> acknowledgments() {
		return List.copyOf(acknowledgments);
	}

	void interchangeControl(String control) {
		interchangeControl = control;
	}

	void startGroup(GroupAck ack, String control) {
		group = ack;
		groupControl = control;
	}

	void endGroup() {
		if (group != null) {
			acknowledgments.add(group);
		}
		group = null;
		groupControl = null;
	}

	void endInterchange() {
		interchangeControl = null;
	}

	void startTransaction() {
		notes = new ArrayList<>();
	}

	void transactionControl(String control) {
		transactionControl = control;
	}

	/** Ends the transaction set for its 997; true when nothing was found in it. */
	boolean endTransaction(String transactionSet) {
		boolean clean = notes.isEmpty();
		if (group != null) {
			group.add(new TransactionAck(transactionSet, transactionControl, List.copyOf(notes)));
		}
		notes = null;
		transactionControl = null;
		return clean;
	}

	void unsupported(Location at, String transactionSet) {
		problems.report(Problem.error("X12_UNSUPPORTED_TRANSACTION", locate(at, 0, 0), "transaction set "
				+ transactionSet + " has no schema here; supported: " + new java.util.TreeSet<>(X12Schemas.SUPPORTED)));
		notes.add(new TransactionAck.SegmentNote("ST", 1, "8", 1, 0, "7", transactionSet));
	}

	/** A segment-level error found at the current segment; {@code tag} names the segment concerned. */
	void segmentError(Location at, String tag, EDIStreamValidationError error) {
		String message;
		String concerned;
		if (error == EDIStreamValidationError.LOOP_OCCURS_OVER_MAXIMUM_TIMES) {
			// named by the loop's code; the 997 names the segment that started the extra occurrence
			message = "loop " + tag + " repeats more often than allowed";
			concerned = at.getSegmentTag();
		} else {
			concerned = tag != null ? tag : at.getSegmentTag();
			// a missing PO1 is reported at the SE that ends the transaction: the message names the segment concerned
			message = (concerned != null && !concerned.equals(at.getSegmentTag()) ? "segment " + concerned + ": " : "")
					+ X12ErrorCodes.describe(error);
		}
		problems.report(Problem.error("X12_" + error.name(), locate(at, at.getElementPosition(), at.getComponentPosition()),
				message));
		if (notes != null) {
			notes.add(new TransactionAck.SegmentNote(concerned, at.getSegmentPosition(), X12ErrorCodes.segmentCode(error),
					0, 0, null, null));
		} else if (group != null) {
			group.markGroupError();
		}
	}

	/** An element-level error in the current segment, at the element (and component) given. */
	void elementError(Location at, EDIStreamValidationError error, int element, int component, String value) {
		String shown = value == null || value.isEmpty() ? "" : " ('" + value + "')";
		problems.report(Problem.error("X12_" + error.name(), locate(at, element, component),
				X12ErrorCodes.describe(error) + shown));
		if (notes != null) {
			notes.add(new TransactionAck.SegmentNote(at.getSegmentTag(), at.getSegmentPosition(), "8", element,
					Math.max(component, 0), X12ErrorCodes.elementCode(error), value == null || value.isEmpty() ? null : value));
		} else if (group != null) {
			group.markGroupError();
		}
	}

	SourceLocation locate(Location at, int element, int component) {
		if (at == null) {
			return new SourceLocation(source, 0, null, null, interchangeControl, groupControl, transactionControl, 0,
					null, 0, 0);
		}
		return new SourceLocation(source, Math.max(at.getLineNumber(), 0), null, null, interchangeControl, groupControl,
				transactionControl, at.getSegmentPosition(), at.getSegmentTag(), Math.max(element, 0),
				Math.max(component, 0));
	}
}
