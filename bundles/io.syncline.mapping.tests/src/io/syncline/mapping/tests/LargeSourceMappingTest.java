package io.syncline.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingRunner;
import io.syncline.model.canonical.SupplierItem;

/**
 * A source large enough to be read ahead and mapped on every core still reaches the sink in source order, with
 * each bad row's problem in its place, and the same results as a small source mapped on one thread.
 */
class LargeSourceMappingTest {

	private static final int ROWS = 12_000;

	@Test
	void everyRowInOrderWithProblemsInPlace(@TempDir Path dir) throws Exception {
		Path catalog = catalog(dir, ROWS);
		assertTrue(Files.size(catalog) > 512 * 1024, "large enough to be mapped in parallel");
		CompiledMapping mapping = Demo.mapping("boltco-catalog");
		List<MapOutcome> outcomes = new ArrayList<>();
		MappingRunner.Summary summary = MappingRunner.run(mapping, catalog, outcomes::add);

		assertEquals(ROWS - ROWS / 1000, summary.mapped());
		assertEquals(ROWS / 1000, summary.failed(), "one short row in every thousand");
		assertEquals(ROWS, outcomes.size());
		for (int i = 0; i < outcomes.size(); i++) {
			MapOutcome outcome = outcomes.get(i);
			long line = i + 2; // after the header
			assertEquals(line, outcome.record().line(), "outcome " + i + " is out of source order");
			boolean planted = (i + 1) % 1000 == 0;
			assertEquals(planted, outcome.failed(), "line " + line);
			if (planted) {
				assertEquals("CSV_FIELD_COUNT", outcome.problems().get(0).code());
			} else {
				SupplierItem item = (SupplierItem) outcome.output();
				assertNotNull(item, "line " + line);
				assertEquals(String.format("BC-%06d", 1000 + i % 12), item.getSupplierSku());
				assertEquals(String.format("HS-%06d", 1000 + i % 12), item.getItem().getItemNumber());
				Demo.assertDecimal(String.format("%d.25", i % 90 + 1), item.getCost().getAmount());
				assertEquals(i % 30 + 1, item.getLeadTimeDays());
			}
		}
	}

	@Test
	void aLargeSourceMapsAsASmallOneDoes(@TempDir Path dir) throws Exception {
		CompiledMapping mapping = Demo.mapping("boltco-catalog");
		Path large = catalog(dir, ROWS);
		List<MapOutcome> parallel = new ArrayList<>();
		MappingRunner.run(mapping, large, parallel::add);
		// the same rows as a document under the read-ahead threshold, one slice at a time, map on the caller's thread
		List<String> lines = Files.readAllLines(large);
		List<MapOutcome> sequential = new ArrayList<>();
		for (int from = 1; from < lines.size(); from += 1000) {
			List<String> slice = new ArrayList<>();
			slice.add(lines.get(0));
			slice.addAll(lines.subList(from, Math.min(from + 1000, lines.size())));
			byte[] bytes = (String.join("\n", slice) + "\n").getBytes(StandardCharsets.UTF_8);
			MappingRunner.run(mapping, "slice.csv", bytes, sequential::add);
		}
		assertEquals(sequential.size(), parallel.size());
		for (int i = 0; i < parallel.size(); i++) {
			assertEquals(sequential.get(i).failed(), parallel.get(i).failed(), "outcome " + i);
			if (!parallel.get(i).failed()) {
				SupplierItem a = (SupplierItem) sequential.get(i).output();
				SupplierItem b = (SupplierItem) parallel.get(i).output();
				assertEquals(a.getSupplierSku(), b.getSupplierSku());
				assertEquals(a.getGtin(), b.getGtin());
				assertEquals(a.getEffectiveDate(), b.getEffectiveDate());
				assertEquals(a.getCost().getAmount(), b.getCost().getAmount());
			}
		}
	}

	/** A Bolt & Co catalog of its twelve SKUs over and over; every thousandth row lacks its last two columns. */
	private static Path catalog(Path dir, int rows) throws IOException {
		Path file = dir.resolve("boltco-large.csv");
		try (Writer out = Files.newBufferedWriter(file)) {
			out.write("supplier_sku,upc,description,uom,pack_qty,unit_cost,currency,lead_time_days,moq,effective_date\n");
			for (int i = 0; i < rows; i++) {
				String upc = "04000" + String.format("%06d", i);
				upc = upc + io.syncline.model.gs1.Gs1.checkDigit(upc);
				String row = String.format("BC-%06d,%s,Hex bolt %d in zinc plated,EA,1,%d.25,USD,%d", 1000 + i % 12, upc, i,
						i % 90 + 1, i % 30 + 1);
				out.write((i + 1) % 1000 == 0 ? row + "\n" : row + ",100,2026-12-01\n");
			}
		}
		return file;
	}
}
