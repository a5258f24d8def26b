package io.syncline.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.csv.CsvDialect;
import io.syncline.formats.csv.CsvRecordReader;

class CsvReaderTest {

	private final ProblemSink.Collecting problems = ProblemSink.collecting();

	@Test
	void boltcoCatalogReadsEveryRowByColumnName() throws Exception {
		List<Node> rows = Samples.readAll(Samples.file("boltco-catalog.csv"), SourceOptions.defaults(), problems);
		assertEquals(List.of(), problems.problems());
		assertEquals(12, rows.size());
		Node first = rows.get(0);
		assertEquals("BC-001000", first.child("supplier_sku").value());
		assertEquals("36.9609", first.child("unit_cost").value());
		assertEquals(2, first.location().line(), "the header is line 1");
		assertEquals("unit_cost", first.child("unit_cost").location().field());
	}

	/** A row's field nodes are made only when walked; by path or by walking, it reads the same either way. */
	@Test
	void rowReadByPathAndByWalkingAgree() throws Exception {
		String content = "sku,cost,note\nA-1,1.25,\nA-2,2.50,rush\n";
		List<Node> rows = Samples.readAll(content, "two.csv", SourceOptions.of(SourceFormat.CSV), problems);
		NodePath cost = NodePath.compile("cost");
		NodePath note = NodePath.compile("note");
		NodePath missing = NodePath.compile("price");
		Node second = rows.get(1);
		assertEquals("2.50", cost.value(second), "read by position, before any field node exists");
		assertEquals("rush", note.value(second));
		assertNull(missing.value(second));
		assertEquals("", note.value(rows.get(0)));

		assertEquals(3, second.childCount());
		assertEquals(List.of("sku", "cost", "note"), second.children().stream().map(Node::name).toList());
		Node costField = cost.first(second);
		assertEquals("2.50", costField.value());
		assertEquals(second, costField.parent());
		assertEquals(3, costField.location().line());
		assertEquals("cost", costField.location().field());
		assertEquals("2.50", cost.value(second), "and the same once the field nodes exist");
		assertEquals("A-2", second.childValue(0));
	}

	@Test
	void dialectIsSniffedSemicolonDecimalCommaBomCrlf() throws Exception {
		String content = "\uFEFFsku;cost;qty\r\nA-1;1,25;10\r\nA-2;2,50;20\r\n";
		try (CsvRecordReader reader = (CsvRecordReader) Formats.open(
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "eu.csv",
				SourceOptions.of(SourceFormat.CSV), problems)) {
			CsvDialect dialect = reader.dialect();
			assertEquals(';', dialect.delimiter());
			assertTrue(dialect.header() && dialect.crlf() && dialect.bom(), dialect.toString());
			List<Node> rows = Samples.drain(reader);
			assertEquals(2, rows.size());
			assertEquals("A-1", rows.get(0).child("sku").value(), "the BOM is not part of the first column's name");
			assertEquals("1,25", rows.get(0).child("cost").value());
		}
	}

	@Test
	void tabAndPipeAreDetected() {
		assertEquals('\t', CsvDialect.sniff("a\tb\tc\n1\t2\t3\n").delimiter());
		assertEquals('|', CsvDialect.sniff("a|b|c\n1|2|3\n").delimiter());
		assertFalse(CsvDialect.sniff("1,2,3\n4,5,6\n").header(), "numbers in the first row: no header");
	}

	@Test
	void rowWithMissingColumnIsALocatedErrorAndTheRestIsRead() throws Exception {
		String content = "sku,cost,qty\nA-1,1.25,10\nA-2,2.50\nA-3,3.75,30\n";
		List<Node> rows = Samples.readAll(content, "short.csv", SourceOptions.of(SourceFormat.CSV), problems);
		assertEquals(List.of("A-1", "A-3"), rows.stream().map(r -> r.child("sku").value()).toList());
		Problem problem = problems.problems().get(0);
		assertEquals("CSV_FIELD_COUNT", problem.code());
		assertEquals(3, problem.location().line());
		assertTrue(problem.describe().startsWith("short.csv line 3: row has 2 fields, the header has 3 (missing [qty])"),
				problem.describe());
	}

	@Test
	void unterminatedQuoteEndsTheReadWithItsLine() {
		String content = "sku,description\nA-1,\"Hex bolt\nA-2,washer\n";
		FormatException error = assertThrows(FormatException.class,
				() -> Samples.readAll(content, "quote.csv", SourceOptions.of(SourceFormat.CSV), problems));
		assertEquals("CSV_UNREADABLE", error.problem().code());
		assertTrue(error.getMessage().startsWith("quote.csv line "), error.getMessage());
		assertTrue(error.getMessage().contains("unterminated quoted field"), error.getMessage());
	}

	@Test
	void fiftyMegabyteFieldIsRefusedWithoutReadingItIntoMemory() throws IOException {
		InputStream head = new ByteArrayInputStream("sku,description\nA-1,".getBytes(StandardCharsets.US_ASCII));
		InputStream huge = new RepeatingStream('x', 50L * 1024 * 1024);
		FormatException error = assertThrows(FormatException.class, () -> {
			try (RecordReader reader = Formats.open(new SequenceInputStream(head, huge), "huge.csv",
					SourceOptions.of(SourceFormat.CSV), problems)) {
				Samples.drain(reader);
			}
		});
		assertTrue(error.getMessage().contains("longer than the limit of 1048576 characters"), error.getMessage());
		assertTrue(error.getMessage().startsWith("huge.csv line 2"), error.getMessage());
	}

	/** A stream of one byte repeated, so a test can feed 50 MB without holding 50 MB. */
	static final class RepeatingStream extends InputStream {
		private final int value;
		private long remaining;

		RepeatingStream(char value, long length) {
			this.value = value;
			this.remaining = length;
		}

		@Override
		public int read() {
			if (remaining <= 0) {
				return -1;
			}
			remaining--;
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (remaining <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, remaining);
			java.util.Arrays.fill(buffer, offset, offset + n, (byte) value);
			remaining -= n;
			return n;
		}
	}
}
