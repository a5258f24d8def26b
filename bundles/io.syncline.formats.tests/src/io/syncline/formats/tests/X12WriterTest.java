package io.syncline.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceLocation;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.x12.FileControlNumbers;
import io.syncline.formats.x12.FunctionalAcknowledgments;
import io.syncline.formats.x12.GroupAck;
import io.syncline.formats.x12.PartnerProfile;
import io.syncline.formats.x12.X12Comparison;
import io.syncline.formats.x12.X12RecordReader;
import io.syncline.formats.x12.X12WriteException;
import io.syncline.formats.x12.X12Writer;

class X12WriterTest {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 20, 12, 0);
	private static final PartnerProfile ACME = PartnerProfile.x12v4010("acme", "ZZ", "HARBORSUPPLY", "ZZ", "ACMEFAST");

	@TempDir
	Path dir;

	private final ProblemSink.Collecting problems = ProblemSink.collecting();

	@Test
	void purchaseOrderWrittenFromItsTreeEqualsTheSampleSegmentBySegment() throws Exception {
		String sample = Samples.text("edi/harbor-850-purchase-order.edi");
		Node po = Samples.readAll(sample, "po.edi", SourceOptions.of(SourceFormat.X12), problems).get(0);
		Node body = withoutEnvelopeSegments(po); // ST and SE are the writer's: it numbers and counts them itself
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new X12Writer(ACME, new FileControlNumbers(dir)).write("PO", List.of(body), NOW, out);
		String written = out.toString(StandardCharsets.US_ASCII);
		assertEquals(X12Comparison.comparable(sample), X12Comparison.comparable(written));
	}

	@Test
	void controlNumbersAdvanceAndPersistAcrossWriters() throws Exception {
		String sample = Samples.text("edi/harbor-850-purchase-order.edi");
		Node po = withoutEnvelopeSegments(Samples.readAll(sample, "po.edi", SourceOptions.of(SourceFormat.X12), problems).get(0));
		var first = new X12Writer(ACME, new FileControlNumbers(dir)).write("PO", List.of(po), NOW, new ByteArrayOutputStream());
		var second = new X12Writer(ACME, new FileControlNumbers(dir)).write("PO", List.of(po, po), NOW,
				new ByteArrayOutputStream());
		assertEquals(first.interchange() + 1, second.interchange());
		assertEquals(first.group() + 1, second.group());
		assertEquals(List.of(first.transactions().get(0) + 1, first.transactions().get(0) + 2), second.transactions());
	}

	@Test
	void exoticSeparatorsFromTheProfileRoundTrip() throws Exception {
		String sample = Samples.text("edi/harbor-850-purchase-order.edi");
		Node po = withoutEnvelopeSegments(Samples.readAll(sample, "po.edi", SourceOptions.of(SourceFormat.X12), problems).get(0));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new X12Writer(ACME.withSeparators('|', '^', '\''), new FileControlNumbers(dir)).write("PO", List.of(po), NOW, out);
		String written = out.toString(StandardCharsets.US_ASCII);
		assertTrue(written.startsWith("ISA|00|"), written);
		Node reread = Samples.readAll(written, "pipes.edi", SourceOptions.of(SourceFormat.X12), problems).get(0);
		assertEquals(List.of(), problems.problems());
		assertEquals("PO-45001", NodePath.compile("BEG/BEG03").value(reread));
	}

	@Test
	void invalidDocumentIsRefusedWhileWriting() throws Exception {
		Node po = Node.branch("850", SourceLocation.ofFile("test"));
		Node beg = po.add(Node.branch("BEG", SourceLocation.ofFile("test")));
		beg.addLeaf("BEG01", "00", SourceLocation.ofFile("test")); // BEG02, BEG03, BEG05 are mandatory
		X12WriteException error = assertThrows(X12WriteException.class, () -> new X12Writer(ACME,
				new FileControlNumbers(dir)).write("PO", List.of(po), NOW, new ByteArrayOutputStream()));
		assertTrue(error.getMessage().contains("BEG03: mandatory element missing"), error.getMessage());
	}

	@Test
	void functionalAcknowledgmentOfABadGroupRejectsItAndNamesTheElement() throws Exception {
		String bad = Samples.text("edi/acme-855-po-ack.edi").replace("ACK*IA*5000", "ACK*XX*5000");
		GroupAck group;
		try (X12RecordReader reader = (X12RecordReader) io.syncline.formats.Formats.open(
				new java.io.ByteArrayInputStream(bad.getBytes(StandardCharsets.US_ASCII)), "855.edi",
				SourceOptions.of(SourceFormat.X12), problems)) {
			Samples.drain(reader);
			group = reader.acknowledgments().get(0);
		}
		Node ack = FunctionalAcknowledgments.build(group);
		PartnerProfile toAcme = PartnerProfile.x12v4010("acme", "ZZ", "HARBORSUPPLY", "ZZ", "ACMEFAST");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new X12Writer(toAcme, new FileControlNumbers(dir)).write("FA", List.of(ack), NOW, out);
		String written = out.toString(StandardCharsets.US_ASCII);
		ProblemSink.Collecting reread = ProblemSink.collecting();
		Node parsed = Samples.readAll(written, "997.edi", SourceOptions.of(SourceFormat.X12), reread).get(0);
		assertEquals(List.of(), reread.problems(), written);
		assertEquals("PR", NodePath.compile("AK1/AK101").value(parsed));
		assertEquals("203", NodePath.compile("AK1/AK102").value(parsed));
		assertEquals("R", NodePath.compile("AK2_LOOP/AK5/AK501").value(parsed));
		assertEquals("ACK", NodePath.compile("AK2_LOOP/AK3_LOOP/AK3/AK301").value(parsed));
		assertEquals("7", NodePath.compile("AK2_LOOP/AK3_LOOP/AK4/AK403").value(parsed));
		assertEquals("R", NodePath.compile("AK9/AK901").value(parsed));
	}

	@Test
	void cleanGroupIsAccepted() throws Exception {
		try (X12RecordReader reader = (X12RecordReader) io.syncline.formats.Formats.open(
				Samples.file("edi/acme-810-invoice.edi"), SourceOptions.defaults(), problems)) {
			Samples.drain(reader);
			GroupAck group = reader.acknowledgments().get(0);
			assertEquals("A", group.acknowledgmentCode());
			Node ack = FunctionalAcknowledgments.build(group);
			assertEquals("A", NodePath.compile("AK2_LOOP/AK5/AK501").value(ack));
			assertEquals("1", NodePath.compile("AK9/AK904").value(ack));
		}
	}

	private static Node withoutEnvelopeSegments(Node transaction) {
		Node copy = Node.branch(transaction.name(), transaction.location());
		for (Node child : transaction.children()) {
			if (!child.name().equals("ST") && !child.name().equals("SE")) {
				copy.add(child);
			}
		}
		return copy;
	}
}
