package io.syncline.formats.x12;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.syncline.formats.Node;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * Writes transaction sets, given as {@link Node} trees (segments named by tag, elements named {@code BEG03}, loops
 * named {@code *_LOOP} flattened in order), inside one interchange and one functional group. Envelope ids and
 * separators come from the partner profile, control numbers from {@link ControlNumbers}; SE01, GE01 and IEA01 are
 * counted. StAEDI validates each transaction against its schema while writing, so an invalid document is never
 * emitted.
 */
public final class X12Writer {

	private static final DateTimeFormatter ISA_DATE = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
	private static final DateTimeFormatter GS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);

	private final PartnerProfile profile;
	private final ControlNumbers controlNumbers;

	public X12Writer(PartnerProfile profile, ControlNumbers controlNumbers) {
		this.profile = profile;
		this.controlNumbers = controlNumbers;
	}

	/** Numbers used by one write, for the journal. */
	public record Envelope(long interchange, long group, List<Long> transactions) {
	}

	/**
	 * Writes one interchange. Throws {@link X12WriteException} naming segment and element when a transaction breaks
	 * its schema; what was written to {@code out} by then must be discarded. The transactions are written as the
	 * iteration gives them, so a lazy one holds a single transaction at a time.
	 */
	public Envelope write(String functionalId, Iterable<Node> transactions, LocalDateTime now, OutputStream out)
			throws IOException {
		try {
			return writeInterchange(functionalId, transactions, now, out);
		} catch (EDIStreamException e) {
			throw new IOException("cannot write X12: " + e.getMessage(), e);
		}
	}

	private Envelope writeInterchange(String functionalId, Iterable<Node> transactions, LocalDateTime now,
			OutputStream out) throws EDIStreamException {
		long interchange = controlNumbers.next(profile.partnerId(), ControlNumbers.Kind.INTERCHANGE);
		long group = controlNumbers.next(profile.partnerId(), ControlNumbers.Kind.GROUP);
		List<Long> numbers = new ArrayList<>();
		EDIOutputFactory factory = EDIOutputFactory.newFactory();
		factory.setProperty(Delimiters.DATA_ELEMENT, profile.elementSeparator());
		factory.setProperty(Delimiters.COMPONENT_ELEMENT, profile.componentSeparator());
		factory.setProperty(Delimiters.SEGMENT, profile.segmentTerminator());
		factory.setProperty(EDIOutputFactory.PRETTY_PRINT, Boolean.TRUE);
		factory.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, Boolean.TRUE);
		List<String> invalid = new ArrayList<>();
		factory.setErrorReporter((error, source, location, data, reference) -> invalid.add(String.format(
				"segment %d %s, element %s%02d: %s%s", location.getSegmentPosition(), location.getSegmentTag(),
				location.getSegmentTag(), Math.max(location.getElementPosition(), 0), X12ErrorCodes.describe(error),
				data == null || data.length() == 0 ? "" : " ('" + data + "')")));
		EDIStreamWriter writer = factory.createEDIStreamWriter(out);
		// Without the envelope's control schema StAEDI does not validate transactions while writing.
		writer.setControlSchema(X12Schemas.control(profile.interchangeVersion()));
		writer.startInterchange();
		segment(writer, "ISA", "00", " ".repeat(10), "00", " ".repeat(10), profile.senderQualifier(),
				pad(profile.senderId(), 15), profile.receiverQualifier(), pad(profile.receiverId(), 15),
				now.format(ISA_DATE), now.format(TIME), "U", profile.interchangeVersion(), String.format("%09d", interchange),
				"0", String.valueOf(profile.usage()), String.valueOf(profile.componentSeparator()));
		segment(writer, "GS", functionalId, profile.gsSender(), profile.gsReceiver(), now.format(GS_DATE),
				now.format(TIME), Long.toString(group), "X", profile.groupVersion());
		for (Node transaction : transactions) {
			long number = controlNumbers.next(profile.partnerId(), ControlNumbers.Kind.TRANSACTION);
			numbers.add(number);
			String control = String.format("%04d", number);
			Schema schema = X12Schemas.transaction(transaction.name());
			if (schema == null) {
				throw new IllegalArgumentException("no schema for transaction set " + transaction.name());
			}
			segment(writer, "ST", transaction.name(), control);
			writer.setTransactionSchema(schema); // after ST: StAEDI starts a transaction's validation there
			int count = 1 + writeBody(writer, transaction);
			segment(writer, "SE", Integer.toString(count + 1), control);
			if (!invalid.isEmpty()) {
				throw new X12WriteException("transaction set " + transaction.name() + " is not valid X12: "
						+ String.join("; ", invalid));
			}
		}
		segment(writer, "GE", Integer.toString(numbers.size()), Long.toString(group));
		segment(writer, "IEA", "1", String.format("%09d", interchange));
		writer.endInterchange();
		writer.close();
		return new Envelope(interchange, group, numbers);
	}

	/** Writes the segments under {@code container}, loops flattened; returns how many segments were written. */
	private static int writeBody(EDIStreamWriter writer, Node container) throws EDIStreamException {
		int count = 0;
		for (Node child : container.children()) {
			if (child.name().endsWith("_LOOP")) {
				count += writeBody(writer, child);
			} else {
				writeSegment(writer, child);
				count++;
			}
		}
		return count;
	}

	private static void writeSegment(EDIStreamWriter writer, Node segment) throws EDIStreamException {
		String tag = segment.name();
		int highest = 0;
		for (Node element : segment.children()) {
			highest = Math.max(highest, position(tag, element.name()));
		}
		String[] values = new String[highest];
		for (Node element : segment.children()) {
			values[position(tag, element.name()) - 1] = element.value();
		}
		segment(writer, tag, values);
	}

	private static int position(String tag, String elementName) {
		if (!elementName.startsWith(tag) || elementName.length() != tag.length() + 2) {
			throw new IllegalArgumentException("element " + elementName + " does not belong to segment " + tag);
		}
		return Integer.parseInt(elementName.substring(tag.length()));
	}

	private static void segment(EDIStreamWriter writer, String tag, String... elements) throws EDIStreamException {
		writer.writeStartSegment(tag);
		for (String element : elements) {
			if (element == null || element.isEmpty()) {
				writer.writeEmptyElement();
			} else {
				writer.writeElement(element);
			}
		}
		writer.writeEndSegment();
	}

	private static String pad(String id, int width) {
		return String.format("%-" + width + "s", id);
	}
}
