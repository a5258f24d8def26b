package io.syncline.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.x12.GroupAck;
import io.syncline.formats.x12.X12RecordReader;

class X12ReaderTest {

	private final ProblemSink.Collecting problems = ProblemSink.collecting();

	private List<Node> read(String content, String name) throws Exception {
		return Samples.readAll(content, name, SourceOptions.of(SourceFormat.X12), problems);
	}

	@ParameterizedTest
	@CsvSource({ "edi/harbor-850-purchase-order.edi,850", "edi/bigbox-850-customer-order.edi,850",
			"edi/acme-855-po-ack.edi,855", "edi/acme-856-asn.edi,856", "edi/acme-810-invoice.edi,810",
			"edi/acme-832-price-catalog.edi,832", "edi/acme-846-inventory-advice.edi,846" })
	void everySampleIsValidAgainstItsSchema(String file, String transactionSet) throws Exception {
		List<Node> records = Samples.readAll(Samples.file(file), SourceOptions.defaults(), problems);
		assertEquals(List.of(), problems.problems());
		assertEquals(1, records.size());
		assertEquals(transactionSet, records.get(0).name());
	}

	@Test
	void purchaseOrderHasItsLinesAndEnvelopeContext() throws Exception {
		Node po = read(Samples.text("edi/harbor-850-purchase-order.edi"), "po.edi").get(0);
		assertEquals("PO-45001", NodePath.compile("BEG/BEG03").value(po));
		assertEquals(List.of("AF-HX-0616", "AF-WS-0038", "AF-LG-1420"),
				NodePath.compile("PO1_LOOP/PO1/PO107").all(po).stream().map(Node::value).toList());
		assertEquals("0.0825", NodePath.compile("PO1_LOOP/PO1/PO104").value(po));
		assertEquals("ATL", NodePath.compile("N1_LOOP/N1/N104").value(po));
		assertEquals("HARBORSUPPLY", NodePath.compile("../GS/GS02").value(po));
		assertEquals("ACMEFAST       ", NodePath.compile("../../ISA/ISA08").value(po));
	}

	@Test
	void severalTransactionSetsInOneGroupAreEachARecord() throws Exception {
		String sample = Samples.text("edi/bigbox-850-customer-order.edi");
		String body = sample.substring(sample.indexOf("ST*850"), sample.indexOf("GE*"));
		String second = body.replace("0001", "0002").replace("BB-7730021", "BB-7730022");
		String both = sample.replace(body, body + second).replace("GE*1*7001", "GE*2*7001");
		List<Node> orders = read(both, "two-850s.edi");
		assertEquals(List.of(), problems.problems());
		assertEquals(List.of("BB-7730021", "BB-7730022"),
				orders.stream().map(o -> NodePath.compile("BEG/BEG03").value(o)).toList());
		assertEquals("0002", NodePath.compile("ST/ST02").value(orders.get(1)));
	}

	@Test
	void shipNoticeHierarchyIsATree() throws Exception {
		Node asn = read(Samples.text("edi/acme-856-asn.edi"), "asn.edi").get(0);
		Node shipment = NodePath.compile("HL_LOOP").first(asn);
		assertEquals("S", NodePath.compile("HL/HL03").value(shipment));
		Node order = NodePath.compile("HL_LOOP").first(shipment);
		assertEquals("PO-45001", NodePath.compile("PRF/PRF01").value(order));
		List<Node> packs = NodePath.compile("HL_LOOP").all(order);
		assertEquals(3, packs.size());
		assertEquals(List.of("3000", "2000", "50", "1000"),
				NodePath.compile("HL_LOOP/HL_LOOP/SN1/SN102").all(order).stream().map(Node::value).toList());
	}

	@Test
	void separatorsComeFromTheIsaNotFromAssumptions() throws Exception {
		String original = Samples.text("edi/acme-810-invoice.edi");
		String exotic = original.replace('*', '|').replace('~', '\'').replace('>', '^');
		Node standard = read(original, "810.edi").get(0);
		Node other = read(exotic, "810-pipes.edi").get(0);
		assertEquals(List.of(), problems.problems());
		assertEquals(NodePath.compile("IT1_LOOP/IT1/IT104").all(standard).stream().map(Node::value).toList(),
				NodePath.compile("IT1_LOOP/IT1/IT104").all(other).stream().map(Node::value).toList());
		assertEquals("126150", NodePath.compile("TDS/TDS01").value(other));
	}

	@Test
	void wrongSeCountIsLocatedAndTheTransactionIsHeldBack() throws Exception {
		String bad = Samples.text("edi/acme-855-po-ack.edi").replace("SE*12*0001", "SE*11*0001");
		List<Node> records = read(bad, "855-badcount.edi");
		assertEquals(List.of(), records);
		Problem problem = problems.problems().stream().filter(p -> p.code().contains("COUNT")).findFirst().orElseThrow();
		String text = problem.describe();
		assertTrue(text.contains("855-badcount.edi"), text);
		assertTrue(text.contains("interchange 000000203") && text.contains("group 203") && text.contains("transaction 0001"),
				text);
		assertTrue(text.contains("SE"), text);
		assertTrue(text.contains("count does not match"), text);
	}

	@Test
	void unknownSegmentIsNamedWithItsPosition() throws Exception {
		String bad = Samples.text("edi/acme-810-invoice.edi").replace("ITD*01", "ZZZ*1~ITD*01").replace("SE*12*", "SE*13*");
		List<Node> records = read(bad, "810-zzz.edi");
		assertEquals(List.of(), records);
		Problem problem = problems.problems().get(0);
		assertTrue(problem.describe().contains("segment") && problem.describe().contains("ZZZ"), problem.describe());
		assertTrue(problem.location().segmentPosition() > 0, problem.describe());
	}

	@Test
	void badElementValueIsNamedByElement() throws Exception {
		String bad = Samples.text("edi/acme-855-po-ack.edi").replace("ACK*IA*5000", "ACK*XX*5000");
		read(bad, "855-code.edi");
		Problem problem = problems.problems().get(0);
		assertTrue(problem.describe().contains("element ACK01") && problem.describe().contains("not a valid code"),
				problem.describe());
		assertTrue(problem.describe().contains("'XX'"), problem.describe());
	}

	@Test
	void truncatedInterchangeIsFatal() throws Exception {
		String all = Samples.text("edi/acme-856-asn.edi");
		String cut = all.substring(0, all.indexOf("HL*6"));
		FormatException error = assertThrows(FormatException.class, () -> read(cut, "856-cut.edi"));
		assertTrue(error.getMessage().contains("856-cut.edi"), error.getMessage());
	}

	@Test
	void garbledIsaIsFatal() throws Exception {
		String garbled = "ISA*00*    *00*\nthis is not x12 at all";
		FormatException error = assertThrows(FormatException.class, () -> read(garbled, "garbled.edi"));
		assertTrue(error.getMessage().startsWith("garbled.edi"), error.getMessage());
	}

	@Test
	void everyGroupIsSummedUpForIts997() throws Exception {
		String bad = Samples.text("edi/acme-855-po-ack.edi").replace("ACK*IA*5000", "ACK*XX*5000");
		try (X12RecordReader reader = (X12RecordReader) Formats.open(
				new ByteArrayInputStream(bad.getBytes(StandardCharsets.US_ASCII)), "855.edi",
				SourceOptions.of(SourceFormat.X12), problems)) {
			Samples.drain(reader);
			GroupAck ack = reader.acknowledgments().get(0);
			assertEquals("PR", ack.functionalId());
			assertEquals("203", ack.controlNumber());
			assertEquals("R", ack.acknowledgmentCode());
			var note = ack.transactions().get(0).notes().get(0);
			assertEquals("ACK", note.segmentTag());
			assertEquals(1, note.elementPosition());
			assertEquals("7", note.elementErrorCode());
			assertNotNull(note.segmentPosition());
		}
	}
}
