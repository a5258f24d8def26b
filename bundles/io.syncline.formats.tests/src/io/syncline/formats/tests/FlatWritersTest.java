package io.syncline.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.csv.CsvRecordWriter;
import io.syncline.formats.json.JsonRecordWriter;

/** What the CSV and JSON writers write, the readers read back the same. */
class FlatWritersTest {

	private final ProblemSink.Collecting problems = ProblemSink.collecting();

	@Test
	void csvRoundTripKeepsQuotesCommasAndColumns() throws Exception {
		List<Node> rows = Samples.readAll(Samples.file("boltco-catalog.csv"), SourceOptions.defaults(), problems);
		rows.get(0).child("description").setValue("Hex bolt, \"black\" oxide");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvRecordWriter writer = new CsvRecordWriter(out, ',', null)) {
			rows.forEach(writer::write);
		}
		List<Node> again = Samples.readAll(out.toString(StandardCharsets.UTF_8), "again.csv",
				SourceOptions.of(SourceFormat.CSV), problems);
		assertEquals(List.of(), problems.problems());
		assertEquals(12, again.size());
		assertEquals("Hex bolt, \"black\" oxide", again.get(0).child("description").value());
		assertEquals(rows.get(11).child("unit_cost").value(), again.get(11).child("unit_cost").value());
	}

	@Test
	void jsonRoundTripKeepsRepeatedChildrenAsArrays() throws Exception {
		SourceOptions orders = SourceOptions.defaults().withRecordPath("/orders/*");
		List<Node> records = Samples.readAll(Samples.file("shop-orders.json"), orders, problems);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonRecordWriter writer = new JsonRecordWriter(out, false)) {
			for (Node record : records) {
				writer.write(record);
			}
		}
		String json = "{\"orders\": " + out.toString(StandardCharsets.UTF_8) + "}";
		List<Node> again = Samples.readAll(json, "again.json", SourceOptions.of(SourceFormat.JSON).withRecordPath("/orders/*"),
				problems);
		assertEquals(3, again.size());
		assertEquals(NodePath.compile("line_items/sku").all(records.get(2)).stream().map(Node::value).toList(),
				NodePath.compile("line_items/sku").all(again.get(2)).stream().map(Node::value).toList());
	}
}
