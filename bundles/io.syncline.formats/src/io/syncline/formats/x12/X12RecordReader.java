package io.syncline.formats.x12;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.syncline.formats.FormatException;
import io.syncline.formats.Node;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceLocation;
import io.syncline.formats.x12.internal.TransactionGrammar;
import io.syncline.formats.x12.internal.TransactionValidator;
import io.syncline.formats.x12.internal.ValidationListener;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

/**
 * X12 through StAEDI. The separators come from the ISA segment, never assumed. StAEDI tokenizes and validates the
 * envelopes with its control schema (control numbers, counts). Each transaction set is validated against its schema
 * from {@link X12Schemas} by Syncline's {@link TransactionValidator}, which reports what StAEDI's validator would at
 * a fraction of its cost; {@code staediValidation} hands that to StAEDI instead (the differential test compares the
 * two), as does a schema the compiled grammar does not cover.
 * <p>
 * One record per transaction set, named by its id ({@code 850}): segments as children ({@code BEG}), their elements
 * as leaves ({@code BEG03}), loops as {@code PO1_LOOP}, the 856 HL levels nested. The record's context is the group
 * ({@code GS}), whose parent is the interchange ({@code ISA}). A transaction set with errors is reported, one located
 * problem per error, and not returned. Every group is summed up for its 997 in {@link #acknowledgments()}.
 */
public final class X12RecordReader implements RecordReader {

	private final InputStream input;
	private final EDIStreamReader edi;
	private final boolean staediValidation;
	private final X12Findings findings;
	private final X12Tree tree = new X12Tree();
	private final Map<String, TransactionValidator> validators = new HashMap<>();
	private final ValidationListener listener = new Listener();
	private Node interchange;
	private Node group;
	private Node envelopeSegment;
	private Node transaction;
	private boolean transactionPending;
	private TransactionValidator validator;
	private boolean validatingSegment;

	public X12RecordReader(InputStream in, String source, ProblemSink problems) {
		this(in, source, problems, false);
	}

	/** @param staediValidation validate transaction sets with StAEDI's validator rather than Syncline's */
	public X12RecordReader(InputStream in, String source, ProblemSink problems, boolean staediValidation) {
		this.input = in;
		this.staediValidation = staediValidation;
		this.findings = new X12Findings(source, problems);
		EDIInputFactory factory = EDIInputFactory.newFactory();
		factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, Boolean.TRUE);
		factory.setProperty(EDIInputFactory.EDI_NEST_HIERARCHICAL_LOOPS, Boolean.TRUE);
		this.edi = factory.createEDIStreamReader(in);
	}

	/**
	 * The id of the first transaction set (ST01) of an interchange, read without validating it, so that a document
	 * with errors still reaches the workflow of its type, where its errors are reported; null if there is none.
	 */
	public static String firstTransactionSet(InputStream in) {
		try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(in)) {
			boolean inTransaction = false;
			while (reader.hasNext()) {
				EDIStreamEvent event = reader.next();
				if (event == EDIStreamEvent.START_TRANSACTION) {
					inTransaction = true;
				} else if (inTransaction && event == EDIStreamEvent.ELEMENT_DATA
						&& reader.getLocation().getElementPosition() == 1) {
					return reader.getText();
				}
			}
			return null;
		} catch (EDIStreamException | IOException | RuntimeException e) {
			return null; // too broken to tell: the workflow's reading will say where
		}
	}

	/** One entry per functional group read so far: what its 997 must say. */
	public List<GroupAck> acknowledgments() {
		return findings.acknowledgments();
	}

	@Override
	public Node next() throws IOException, FormatException {
		try {
			while (edi.hasNext()) {
				Node finished = handle(edi.next());
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
			throw new FormatException(Problem.fatal("X12_UNREADABLE", findings.locate(e.getLocation(), 0, 0),
					readable(e)), e);
		} catch (RuntimeException e) {
			// StAEDI signals some broken input (e.g. a garbled ISA) with unchecked exceptions.
			throw new FormatException(Problem.fatal("X12_UNREADABLE", here(), readable(e)), e);
		}
	}

	private Node handle(EDIStreamEvent event) {
		switch (event) {
		case START_INTERCHANGE -> interchange = Node.branch("interchange", here());
		case START_GROUP -> {
			group = Node.branch("group", here());
			group.setContext(interchange);
		}
		case START_TRANSACTION -> transactionPending = true;
		case START_LOOP -> {
			if (transaction != null && validator == null) {
				tree.startLoop(edi.getReferenceCode(), here());
			}
		}
		case END_LOOP -> {
			if (transaction != null && validator == null) {
				tree.endLoop();
			}
		}
		case START_SEGMENT -> startSegment(edi.getText());
		case END_SEGMENT -> endSegment();
		case START_COMPOSITE -> startComposite();
		case END_COMPOSITE -> endComposite();
		case ELEMENT_DATA -> element(edi.getText());
		case SEGMENT_ERROR -> findings.segmentError(edi.getLocation(), edi.getReferenceCode(), edi.getErrorType());
		case ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
			Location at = edi.getLocation();
			findings.elementError(at, edi.getErrorType(), at.getElementPosition(), at.getComponentPosition(),
					edi.hasText() ? edi.getText() : null);
		}
		case END_TRANSACTION -> {
			return endTransaction();
		}
		case END_GROUP -> {
			findings.endGroup();
			group = null;
		}
		case END_INTERCHANGE -> {
			findings.endInterchange();
			interchange = null;
		}
		default -> {
			// binary data and other events do not occur in X12
		}
		}
		return null;
	}

	private void startSegment(String tag) {
		if (transaction == null) {
			Node owner = group != null ? group : interchange;
			envelopeSegment = Node.branch(tag, here());
			if (!transactionPending && owner != null) {
				owner.add(envelopeSegment);
			}
			return;
		}
		validatingSegment = validator != null && !tag.equals("SE");
		if (validatingSegment) {
			validator.segment(tag);
		} else if (validator != null) {
			validator.endTransaction();
		}
		tree.startSegment(tag, here());
	}

	private void endSegment() {
		if (transaction == null) {
			endEnvelopeSegment(envelopeSegment);
			return;
		}
		if (validatingSegment) {
			validator.endSegment();
			validatingSegment = false;
		}
		Node segment = tree.endSegment();
		if (segment.name().equals("ST")) {
			findings.transactionControl(X12Tree.elementValue(segment, 2));
		}
	}

	private void endEnvelopeSegment(Node segment) {
		switch (segment.name()) {
		case "ISA" -> findings.interchangeControl(X12Tree.elementValue(segment, 13));
		case "GS" -> {
			Node isa = interchange.child("ISA");
			findings.startGroup(new GroupAck(X12Tree.elementValue(segment, 1), X12Tree.elementValue(segment, 6),
					X12Tree.elementValue(segment, 2), X12Tree.elementValue(segment, 3), X12Tree.elementValue(isa, 5),
					trim(X12Tree.elementValue(isa, 6)), X12Tree.elementValue(isa, 7), trim(X12Tree.elementValue(isa, 8))),
					X12Tree.elementValue(segment, 6));
		}
		default -> {
			// other envelope segments carry nothing the reader needs
		}
		}
	}

	/**
	 * Called at ST01: StAEDI knows the transaction type reliably only once ST01 is read, and still accepts the
	 * transaction schema then. The ST segment read so far moves under the new transaction node.
	 */
	private void startTransaction(String type) {
		transactionPending = false;
		Node st = envelopeSegment;
		transaction = Node.branch(type, st.location());
		transaction.setContext(group != null ? group : interchange);
		transaction.add(st);
		tree.startTransaction(transaction, st);
		findings.startTransaction();
		validator = null;
		Schema schema = type == null ? null : X12Schemas.transaction(type);
		if (schema == null) {
			findings.unsupported(edi.getLocation(), type);
			return;
		}
		TransactionGrammar grammar = staediValidation ? null : X12Schemas.grammar(type);
		if (grammar == null) {
			edi.setTransactionSchema(schema);
			return;
		}
		validator = validators.computeIfAbsent(type, key -> new TransactionValidator(grammar, listener));
		validator.startTransaction();
	}

	private Node endTransaction() {
		Node finished = transaction;
		tree.endTransaction(finished);
		boolean clean = findings.endTransaction(finished.name());
		transaction = null;
		validator = null;
		return clean ? finished : null;
	}

	private void element(String text) {
		Location at = edi.getLocation();
		int position = at.getElementPosition();
		if (transaction == null) {
			if (transactionPending && position == 1) {
				envelopeSegment.addLeaf(ElementNames.of("ST", 1), text, here());
				startTransaction(text);
			} else if (!text.isEmpty() && envelopeSegment != null) {
				envelopeSegment.addLeaf(ElementNames.of(at.getSegmentTag(), position), text, here());
			}
			return;
		}
		if (tree.inComposite()) {
			int component = at.getComponentPosition();
			tree.element(tree.compositeName() + "-" + component, text, here());
			if (validatingSegment) {
				validator.component(position, component, text);
			}
			return;
		}
		String name = ElementNames.of(at.getSegmentTag(), position);
		if (validatingSegment && validator.isComposite(position) && !text.isEmpty()) {
			// a composite sent without component separators still has the shape of one
			tree.startComposite(name, here());
			tree.element(name + "-1", text, here());
			tree.endComposite();
		} else {
			tree.element(name, text, here());
		}
		if (validatingSegment) {
			validator.element(position, text);
		}
	}

	private void startComposite() {
		Location at = edi.getLocation();
		if (transaction == null) {
			return;
		}
		tree.startComposite(ElementNames.of(at.getSegmentTag(), at.getElementPosition()), here());
		if (validatingSegment) {
			validator.startComposite(at.getElementPosition());
		}
	}

	private void endComposite() {
		if (transaction == null) {
			return;
		}
		tree.endComposite();
		if (validatingSegment) {
			validator.endComposite();
		}
	}

	private static String trim(String value) {
		return value == null ? null : value.trim();
	}

	private SourceLocation here() {
		Location at = edi.getLocation();
		return findings.locate(at, at == null ? 0 : at.getElementPosition(), at == null ? 0 : at.getComponentPosition());
	}

	private static String readable(Exception e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		int cut = message.indexOf("; in ");
		return cut > 0 ? message.substring(0, cut) : message;
	}

	/** Syncline's validator reports into the tree (loops) and the findings (errors) at the current location. */
	private final class Listener implements ValidationListener {
		@Override
		public void loopStarted(String code, int levelIdPosition, int parentIdPosition) {
			if (levelIdPosition > 0) {
				tree.startLevel(code, here(), levelIdPosition, parentIdPosition);
			} else {
				tree.startLoop(code, here());
			}
		}

		@Override
		public void loopEnded() {
			tree.endLoop();
		}

		@Override
		public void segmentError(String tag, EDIStreamValidationError error) {
			findings.segmentError(edi.getLocation(), tag, error);
		}

		@Override
		public void elementError(EDIStreamValidationError error, int element, int component, String value) {
			findings.elementError(edi.getLocation(), error, element, component, value);
		}
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
