package io.syncline.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.syncline.formats.FormatException;
import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;

class JsonXmlReaderTest {

	private final ProblemSink.Collecting problems = ProblemSink.collecting();

	@Test
	void shopOrdersAreRecordsWithRepeatedLineItems() throws Exception {
		List<Node> orders = Samples.readAll(Samples.file("shop-orders.json"),
				SourceOptions.defaults().withRecordPath("/orders/*"), problems);
		assertEquals(3, orders.size());
		Node first = orders.get(0);
		assertEquals("#H1000", NodePath.compile("name").value(first));
		assertEquals(List.of("HS-001003", "HS-001007"),
				NodePath.compile("line_items/sku").all(first).stream().map(Node::value).toList());
		assertEquals("70.29", NodePath.compile("line_items/price").value(first), "numbers keep their written form");
		assertTrue(first.location().line() > 1);
	}

	@Test
	void cascadeItemsSeeTheSupplierFieldAsContext() throws Exception {
		List<Node> items = Samples.readAll(Samples.file("cascade-catalog.json"),
				SourceOptions.defaults().withRecordPath("/items/*"), problems);
		assertEquals(12, items.size());
		assertEquals("CASCADE-TOOLS", NodePath.compile("../supplier").value(items.get(5)));
		assertEquals("35.1129", NodePath.compile("pricing/breaks/cost").value(items.get(0)));
	}

	@Test
	void jsonLinesGivesOneRecordPerLineIncludingTheDuplicate() throws Exception {
		List<Node> events = Samples.readAll(Samples.file("wms-events.jsonl"), SourceOptions.defaults(), problems);
		assertEquals(21, events.size());
		assertEquals(events.get(0).child("eventId").value(), events.get(20).child("eventId").value());
		assertEquals(21, events.get(20).location().line());
	}

	@Test
	void brokenJsonIsLocated() {
		String json = "{\"orders\": [ {\"id\": 1}, {\"id\": 2,, } ]}";
		FormatException error = assertThrows(FormatException.class, () -> Samples.readAll(json, "bad.json",
				SourceOptions.of(SourceFormat.JSON).withRecordPath("/orders/*"), problems));
		assertTrue(error.getMessage().startsWith("bad.json line 1"), error.getMessage());
	}

	@Test
	void hugeJsonStringIsRefusedByTheStreamLimit() {
		String json = "{\"orders\": [ {\"note\": \"" + "x".repeat(2_000_000) + "\"} ]}";
		FormatException error = assertThrows(FormatException.class, () -> Samples.readAll(json, "big.json",
				SourceOptions.of(SourceFormat.JSON).withRecordPath("/orders/*"), problems));
		assertTrue(error.getMessage().contains("String value length"), error.getMessage());
	}

	@Test
	void snapshotPositionsCarryTheSiteAsContext() throws Exception {
		List<Node> positions = Samples.readAll(Samples.file("wms-atl-snapshot.xml"),
				SourceOptions.defaults().withRecordPath("/InventorySnapshot/Position"), problems);
		assertEquals(12, positions.size());
		Node first = positions.get(0);
		assertEquals("HS-001000", first.child("@item").value());
		assertEquals("497", NodePath.compile("OnHand").value(first));
		assertEquals("EA", NodePath.compile("OnHand/@uom").value(first));
		assertEquals("ATL", NodePath.compile("../@site").value(first));
		assertEquals("2026-11-20T06:00:00Z", NodePath.compile("../@asOf").value(first));
	}

	@Test
	void xmlWithDoctypeIsRefusedBeforeAnyEntityIsExpanded() {
		String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n"
				+ "<InventorySnapshot><Position item=\"&lol2;\"/></InventorySnapshot>";
		FormatException error = assertThrows(FormatException.class, () -> Samples.readAll(laughs, "lolz.xml",
				SourceOptions.of(SourceFormat.XML).withRecordPath("/InventorySnapshot/Position"), problems));
		assertEquals("XML_DOCTYPE", error.problem().code());
		assertTrue(error.getMessage().startsWith("lolz.xml line 2"), error.getMessage());
	}

	@Test
	void externalEntityIsRefused() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<InventorySnapshot><Position item=\"&e;\"/></InventorySnapshot>";
		FormatException error = assertThrows(FormatException.class, () -> Samples.readAll(xxe, "xxe.xml",
				SourceOptions.of(SourceFormat.XML).withRecordPath("/InventorySnapshot/Position"), problems));
		assertTrue(error.problem().code().startsWith("XML_"), error.getMessage());
	}
}
