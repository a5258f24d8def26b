package io.syncline.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.mapping.GoldenCases;

/** The repository's own golden cases: every Harbor mapping, and the bad inputs, against their expected output. */
class GoldenCasesTest {

	@TempDir
	Path dir;

	@Test
	void everyDemoGoldenCasePasses() throws Exception {
		List<GoldenCases.CaseResult> results = GoldenCases.run(Demo.dir().resolve("golden"), false);
		assertTrue(results.size() >= 15, "a case for every Harbor mapping: " + results.size());
		for (GoldenCases.CaseResult result : results) {
			assertTrue(result.passed(), () -> result.name() + ":\n  " + String.join("\n  ", result.differences()));
		}
	}

	@Test
	void aChangedExpectationIsReportedFieldByField() throws Exception {
		Path golden = Demo.dir().resolve("golden");
		Path copy = dir.resolve("acme-810-invoice");
		Files.createDirectories(copy);
		Files.writeString(copy.resolve("case.properties"), "mapping=" + golden.resolve("../mappings/acme-810-invoice.synmap")
				+ "\ninput=" + golden.resolve("../samples/edi/acme-810-invoice.edi") + "\n");
		String expected = Files.readString(golden.resolve("acme-810-invoice/expected.json"));
		Files.writeString(copy.resolve("expected.json"), expected.replace("\"amount\" : 0.2290", "\"amount\" : 0.2150"));
		GoldenCases.CaseResult result = GoldenCases.run(dir, false).get(0);
		assertFalse(result.passed());
		assertEquals(List.of("records[0].lines[2].unitPrice.amount: expected 0.2150, got 0.2290"), result.differences());
	}
}
