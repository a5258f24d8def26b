package io.syncline.formats.x12;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.syncline.formats.FormatException;
import io.syncline.formats.Node;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceLocation;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

/**
 * X12 through StAEDI. The separators come from the ISA segment, never assumed. Envelopes are validated by StAEDI's
 * control schema (control numbers, counts), each transaction set by its schema from {@link X12Schemas}. One record
 * per transaction set, named by its id ({@code 850}): segments as children ({@code BEG}), their elements as leaves
 * ({@code BEG03}), loops as {@code PO1_LOOP}, the 856 HL levels nested. The record's context is the group
 * ({@code GS}), whose parent is the interchange ({@code ISA}). A transaction set with errors is reported, one
 * located problem per error, and not returned. Every group is summed up for its 997 in {@link #acknowledgments()}.
 */
public final class X12RecordReader implements RecordReader {

	private final String source;
	private final ProblemSink problems;
	private final InputStream input;
	private final EDIStreamReader edi;
	private final Deque<Node> open = new ArrayDeque<>();
	private final List<GroupAck> acknowledgments = new ArrayList<>();
	private Node interchange;
	private Node group;
	private Node transaction;
	private GroupAck groupAck;
	private List<TransactionAck.SegmentNote> transactionNotes;
	private String interchangeControl;
	private String groupControl;
	private String transactionControl;
	private Node compositeElement;
	private boolean transactionPending;

	public X12RecordReader(InputStream in, String source, ProblemSink problems) {
		this.source = source;
		this.problems = problems;
		this.input = in;
		EDIInputFactory factory = EDIInputFactory.newFactory();
		factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, Boolean.TRUE);
		factory.setProperty(EDIInputFactory.EDI_NEST_HIERARCHICAL_LOOPS, Boolean.TRUE);
		this.edi = factory.createEDIStreamReader(in);
	}

	/** One entry per functional group read so far: what its 997 must say. */
	public List<GroupAck> acknowledgments() {
		return List.copyOf(acknowledgments);
	}

	@Override
	public Node next() throws IOException, FormatException {
		try {
			while (edi.hasNext()) {
				EDIStreamEvent event = edi.next();
				Node finished = handle(event);
				if (finished != null) {
					return finished;
				}
			}
			if (interchange != null) {
				throw new FormatException(Problem.fatal("X12_TRUNCATED", here(),
						"the interchange ends without its IEA trailer: the file is truncated"));
			}
			return null;
		} catch (EDIStreamException e) {
			throw new FormatException(Problem.fatal("X12_UNREADABLE", locate(e.getLocation()), readable(e)), e);
		} catch (RuntimeException e) {
			// StAEDI signals some broken input (e.g. a garbled ISA) with unchecked exceptions.
			throw new FormatException(Problem.fatal("X12_UNREADABLE", here(), readable(e)), e);
		}
	}

	private Node handle(EDIStreamEvent event) {
		switch (event) {
		case START_INTERCHANGE -> {
			interchange = Node.branch("interchange", here());
			open.push(interchange);
		}
		case START_GROUP -> {
			group = Node.branch("group", here());
			group.setContext(interchange);
			open.push(group);
		}
		case START_TRANSACTION -> transactionPending = true;
		case START_LOOP -> open.push(top().add(Node.branch(edi.getReferenceCode(), here())));
		case END_LOOP -> open.pop();
		case START_SEGMENT -> open.push(transactionPending ? Node.branch(edi.getText(), here())
				: top().add(Node.branch(edi.getText(), here())));
		case END_SEGMENT -> endSegment();
		case START_COMPOSITE -> compositeElement = top().add(Node.branch(elementName(), here()));
		case END_COMPOSITE -> compositeElement = null;
		case ELEMENT_DATA -> addElement();
		case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(event);
		case END_TRANSACTION -> {
			return endTransaction();
		}
		case END_GROUP -> {
			open.pop();
			acknowledgments.add(groupAck);
			group = null;
			groupAck = null;
			groupControl = null;
		}
		case END_INTERCHANGE -> {
			open.clear();
			interchange = null;
			interchangeControl = null;
		}
		default -> {
			// binary data and other events do not occur in X12
		}
		}
		return null;
	}

	/**
	 * Called at ST01: StAEDI knows the transaction type reliably only once ST01 is read, and still accepts the
	 * transaction schema then. The ST segment read so far moves under the new transaction node.
	 */
	private void startTransaction(String type) {
		transactionPending = false;
		Node st = open.pop();
		transaction = Node.branch(type, st.location());
		transaction.setContext(group != null ? group : interchange);
		transaction.add(st);
		transactionNotes = new ArrayList<>();
		open.push(transaction);
		open.push(st);
		Schema schema = type == null ? null : X12Schemas.transaction(type);
		if (schema != null) {
			edi.setTransactionSchema(schema);
		} else {
			problems.report(Problem.error("X12_UNSUPPORTED_TRANSACTION", here(), "transaction set " + type
					+ " has no schema here; supported: " + new java.util.TreeSet<>(X12Schemas.SUPPORTED)));
			transactionNotes.add(new TransactionAck.SegmentNote("ST", 1, "8", 1, 0, "7", type));
		}
	}

	private void endSegment() {
		Node segment = open.pop();
		String tag = segment.name();
		String control = elementValue(segment, switch (tag) {
		case "ISA" -> 13;
		case "GS" -> 6;
		case "ST" -> 2;
		default -> 0;
		});
		switch (tag) {
		case "ISA" -> interchangeControl = control;
		case "GS" -> {
			groupControl = control;
			Node isa = interchange.child("ISA");
			groupAck = new GroupAck(elementValue(segment, 1), control, elementValue(segment, 2), elementValue(segment, 3),
					elementValue(isa, 5), trim(elementValue(isa, 6)), elementValue(isa, 7), trim(elementValue(isa, 8)));
		}
		case "ST" -> transactionControl = control;
		default -> {
			// other segments carry no envelope data
		}
		}
	}

	private Node endTransaction() {
		open.pop();
		Node finished = transaction;
		boolean clean = transactionNotes.isEmpty();
		if (groupAck != null) {
			groupAck.add(new TransactionAck(finished.name(), transactionControl, List.copyOf(transactionNotes)));
		}
		transaction = null;
		transactionControl = null;
		return clean ? finished : null;
	}

	private void addElement() {
		String text = edi.getText();
		if (transactionPending && edi.getLocation().getElementPosition() == 1) {
			top().addLeaf(elementName(), text, here());
			startTransaction(text);
			return;
		}
		if (compositeElement != null) {
			Location at = edi.getLocation();
			compositeElement.addLeaf(compositeElement.name() + "-" + at.getComponentPosition(), text, here());
		} else if (!text.isEmpty()) {
			top().addLeaf(elementName(), text, here());
		}
	}

	private String elementName() {
		Location at = edi.getLocation();
		return ElementNames.of(at.getSegmentTag(), at.getElementPosition());
	}

	private void error(EDIStreamEvent event) {
		EDIStreamValidationError error = edi.getErrorType();
		Location at = edi.getLocation();
		String reference = edi.getReferenceCode();
		boolean segmentLevel = event == EDIStreamEvent.SEGMENT_ERROR;
		// The location names the segment and element; the message adds the segment concerned when it is another one
		// (a missing PO1 is reported at the SE that ends the transaction) and the offending value.
		String other = segmentLevel && reference != null && !reference.equals(at.getSegmentTag())
				? "segment " + reference + ": " : "";
		String value = segmentLevel || !edi.hasText() ? "" : " ('" + edi.getText() + "')";
		problems.report(Problem.error("X12_" + error.name(), here(), other + X12ErrorCodes.describe(error) + value));
		if (transactionNotes != null && transaction != null) {
			transactionNotes.add(segmentLevel
					? new TransactionAck.SegmentNote(reference != null ? reference : at.getSegmentTag(),
							at.getSegmentPosition(), X12ErrorCodes.segmentCode(error), 0, 0, null, null)
					: new TransactionAck.SegmentNote(at.getSegmentTag(), at.getSegmentPosition(), "8",
							at.getElementPosition(), Math.max(at.getComponentPosition(), 0), X12ErrorCodes.elementCode(error),
							edi.hasText() ? edi.getText() : null));
		} else if (groupAck != null) {
			groupAck.markGroupError();
		}
	}

	private Node top() {
		return open.peek();
	}

	private static String elementValue(Node segment, int position) {
		if (segment == null || position == 0) {
			return null;
		}
		Node element = segment.child(ElementNames.of(segment.name(), position));
		return element == null ? null : element.value();
	}

	private static String trim(String value) {
		return value == null ? null : value.trim();
	}

	private SourceLocation here() {
		return locate(edi.getLocation());
	}

	private SourceLocation locate(Location at) {
		if (at == null) {
			return new SourceLocation(source, 0, null, null, interchangeControl, groupControl, transactionControl, 0,
					null, 0, 0);
		}
		return new SourceLocation(source, Math.max(at.getLineNumber(), 0), null, null, interchangeControl, groupControl,
				transactionControl, at.getSegmentPosition(), at.getSegmentTag(), Math.max(at.getElementPosition(), 0),
				Math.max(at.getComponentPosition(), 0));
	}

	private static String readable(Exception e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		int cut = message.indexOf("; in ");
		return cut > 0 ? message.substring(0, cut) : message;
	}

	@Override
	public void close() throws IOException {
		try {
			edi.close();
		} finally {
			input.close();
		}
	}
}
