package io.syncline.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;

/**
 * Every reader of a partner's file, given any bytes: it reads records, reports problems, or refuses the file with a
 * FormatException or an IOException naming where; anything else it throws (a NullPointerException, an index out of
 * bounds, a stack overflow) is a finding. Inputs: src/test/resources/io/syncline/fuzz/PartnerBytesFuzzTestInputs.
 */
class PartnerBytesFuzzTest {

	/** Records read of one input at most: a reader that never ends is a hang, which the campaign's timeout reports. */
	private static final int MOST_RECORDS = 10_000;

	private static void read(SourceFormat format, String name, byte[] bytes) {
		read(SourceOptions.of(format), name, bytes);
	}

	private static void read(SourceOptions options, String name, byte[] bytes) {
		try (RecordReader reader = Formats.open(new ByteArrayInputStream(bytes), name, options,
				ProblemSink.collecting())) {
			for (int records = 0; records < MOST_RECORDS && reader.next() != null; records++) {
				// each record is read whole; what it holds does not matter here
			}
		} catch (FormatException | IOException refused) {
			// a refusal in words is what bad input should get
		}
	}

	@FuzzTest(maxDuration = "10m")
	void x12(byte[] bytes) {
		read(SourceFormat.X12, "fuzz.edi", bytes);
	}

	@FuzzTest(maxDuration = "10m")
	void csv(byte[] bytes) {
		read(SourceFormat.CSV, "fuzz.csv", bytes);
	}

	@FuzzTest(maxDuration = "10m")
	void json(byte[] bytes) {
		read(SourceFormat.JSON, "fuzz.json", bytes);
	}

	@FuzzTest(maxDuration = "10m")
	void jsonLines(byte[] bytes) {
		read(SourceFormat.JSONL, "fuzz.jsonl", bytes);
	}

	@FuzzTest(maxDuration = "10m")
	void xml(byte[] bytes) {
		// as the WMS snapshot's mapping reads it: a record path is part of every XML source's options
		read(SourceOptions.of(SourceFormat.XML).withRecordPath("/InventorySnapshot/Position"), "fuzz.xml", bytes);
	}
}
