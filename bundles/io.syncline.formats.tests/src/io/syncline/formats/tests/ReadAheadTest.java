package io.syncline.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.ReadAhead;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;

/** Reading ahead on a second thread must hand over exactly what reading in place gives, in the same order. */
class ReadAheadTest {

	private static final SourceOptions CSV = SourceOptions.of(SourceFormat.CSV);

	/** 1,000 rows with a short row every 97th: problems interleaved with records across many batches. */
	private static String catalogWithBadRows() {
		StringBuilder csv = new StringBuilder("sku,description,cost\n");
		for (int i = 1; i <= 1000; i++) {
			csv.append(i % 97 == 0 ? "SKU-" + i + ",short row\n" : "SKU-" + i + ",bolt " + i + "," + i + ".25\n");
		}
		return csv.toString();
	}

	private static RecordReader open(String content, ProblemSink problems) throws IOException {
		return Formats.open(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "catalog.csv", CSV,
				problems);
	}

	/** What a reader delivers, as "R line sku" and "P line code" entries in arrival order. */
	private static List<String> events(RecordReader reader, List<String> log) throws IOException, FormatException {
		Node record;
		while ((record = reader.next()) != null) {
			log.add("R " + record.location().line() + " " + record.child("sku").value());
		}
		return log;
	}

	@Test
	void recordsAndProblemsArriveInSourceOrder() throws Exception {
		String content = catalogWithBadRows();
		List<String> direct = new ArrayList<>();
		try (RecordReader reader = open(content, p -> direct.add("P " + p.location().line() + " " + p.code()))) {
			events(reader, direct);
		}
		List<String> ahead = new ArrayList<>();
		ProblemSink sink = p -> ahead.add("P " + p.location().line() + " " + p.code());
		try (RecordReader reader = new ReadAhead("catalog.csv", problems -> open(content, problems), sink)) {
			events(reader, ahead);
			assertNull(reader.next(), "the end stays the end");
		}
		assertEquals(1000, direct.size(), "990 records and 10 short rows");
		assertTrue(direct.contains("P 98 CSV_FIELD_COUNT"), direct.toString());
		assertEquals(direct, ahead);
	}

	@Test
	void aFatalErrorComesAfterEverythingReadBeforeIt() throws Exception {
		StringBuilder content = new StringBuilder("sku,description,cost\n");
		for (int i = 1; i <= 300; i++) {
			content.append("SKU-").append(i).append(",bolt,1.00\n");
		}
		content.append("SKU-301,\"unterminated,1.00\nSKU-302,bolt,1.00\n");
		List<String> log = new ArrayList<>();
		FormatException error;
		try (RecordReader reader = new ReadAhead("catalog.csv", problems -> open(content.toString(), problems),
				p -> log.add("P " + p.code()))) {
			error = assertThrows(FormatException.class, () -> events(reader, log));
			assertNull(reader.next(), "nothing after a fatal error");
		}
		assertEquals(300, log.size());
		assertEquals("R 301 SKU-300", log.get(299), "row 300 is line 301, under the header");
		assertEquals("CSV_UNREADABLE", error.problem().code());
		assertTrue(error.getMessage().startsWith("catalog.csv line 302"), error.getMessage());
	}

	@Test
	void anUnopenableSourceFailsOnTheFirstRead() {
		try (RecordReader reader = new ReadAhead("missing.csv", problems -> {
			throw new IOException("missing.csv: no such file");
		}, p -> { })) {
			IOException error = assertThrows(IOException.class, reader::next);
			assertEquals("missing.csv: no such file", error.getMessage());
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void closingEarlyStopsTheReadingThread() throws Exception {
		// an endless source: only closing can end the reading thread
		InputStream endless = new SequenceInputStream(
				new ByteArrayInputStream("sku,description\n".getBytes(StandardCharsets.US_ASCII)), new InputStream() {
					private final byte[] row = "SKU-1,bolt\n".getBytes(StandardCharsets.US_ASCII);
					private int at;

					@Override
					public int read() {
						return row[at++ % row.length];
					}
				});
		RecordReader reader = new ReadAhead("endless.csv", problems -> Formats.open(endless, "endless.csv", CSV,
				problems), p -> { });
		assertNotNull(reader.next());
		reader.close();
		assertFalse(readingThreadAlive("endless.csv"), "the reading thread ends when the reader is closed");
	}

	private static boolean readingThreadAlive(String source) {
		return Thread.getAllStackTraces().keySet().stream()
				.anyMatch(t -> t.isAlive() && t.getName().equals("syncline-read " + source));
	}
}
