package io.syncline.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.FieldTrace;
import io.syncline.mapping.MappingPreview;
import io.syncline.mapping.MappingPreview.PreviewRecord;
import io.syncline.mapping.MappingRunner;
import io.syncline.model.canonical.LineAcknowledgment;
import io.syncline.model.canonical.PurchaseOrder;
import io.syncline.model.canonical.PurchaseOrderLine;

/** The editor's offline preview: streamed records, counts, traces of how each value was made, cancel. */
class MappingPreviewTest {

	private static final class Collected implements MappingPreview.Listener {
		final List<PreviewRecord> records = new ArrayList<>();
		final List<MappingRunner.Summary> counts = new ArrayList<>();
		boolean complete;

		@Override
		public void record(PreviewRecord record) {
			records.add(record);
		}

		@Override
		public void counts(MappingRunner.Summary summary, boolean done) {
			counts.add(summary);
			complete = done;
		}
	}

	@Test
	void theHarbor855ShowsLineTwoBackorderedAndWhereItCameFrom() throws Exception {
		Collected seen = new Collected();
		MappingRunner.Summary summary = MappingPreview.run(Demo.mapping("acme-855-po-ack"),
				Demo.sample("edi/acme-855-po-ack.edi"), 100, () -> false, seen);
		assertEquals(1, summary.mapped());
		PurchaseOrder order = (PurchaseOrder) seen.records.get(0).output();
		PurchaseOrderLine line2 = order.getLines().get(1);
		LineAcknowledgment backorder = line2.getAcknowledgments().get(1);
		assertEquals("BACKORDERED", backorder.getStatus().getName());
		Demo.assertDecimal("150", backorder.getQuantity().getValue());
		assertEquals("BX", backorder.getQuantity().getUom());
		assertEquals(java.time.LocalDate.of(2026, 12, 9), backorder.getScheduledDate());

		FieldTrace made = seen.records.get(0).traces().stream()
				.filter(t -> t.owner() == backorder && t.target().equals("quantity/value")).findFirst().orElseThrow();
		assertTrue(made.rule().startsWith("rule 6.8.2 "), made.rule());
		assertEquals(List.of("ACK/ACK02"), made.sources());
		assertEquals(List.of("150"), made.sourceValues());
		assertTrue(made.at().describe().contains("ACK"), made.at().describe());
		assertTrue(seen.complete);
	}

	@Test
	void aLargeSampleStreamsKeepsOnlyTheFirstRecordsAndStopsWhenCancelled(@TempDir Path dir) throws Exception {
		Path sample = dir.resolve("catalog.csv");
		try (BufferedWriter out = Files.newBufferedWriter(sample)) {
			List<String> header = Files.readAllLines(Demo.sample("boltco-catalog.csv"));
			out.write(header.get(0));
			out.newLine();
			for (int i = 0; i < 5000; i++) {
				out.write(header.get(1 + i % (header.size() - 1)));
				out.newLine();
			}
		}
		CompiledMapping mapping = Demo.mapping("boltco-catalog");
		Collected all = new Collected();
		MappingRunner.Summary summary = MappingPreview.run(mapping, sample, 50, () -> false, all);
		assertEquals(5000, summary.records());
		assertTrue(all.records.size() <= 100, "kept " + all.records.size());
		assertTrue(all.counts.size() >= 10, "counts told " + all.counts.size() + " times");
		assertTrue(all.records.get(0).output() instanceof EObject, () -> all.records.get(0).problems().toString());

		AtomicInteger told = new AtomicInteger();
		Collected cancelled = new Collected();
		MappingPreview.Listener stopping = new MappingPreview.Listener() {
			@Override
			public void record(PreviewRecord record) {
				told.incrementAndGet();
				cancelled.record(record);
			}

			@Override
			public void counts(MappingRunner.Summary counts, boolean complete) {
				cancelled.counts(counts, complete);
			}
		};
		assertNull(MappingPreview.run(mapping, sample, 50, () -> told.get() >= 10, stopping));
		assertEquals(10, told.get());
		assertTrue(!cancelled.complete);
	}

	@Test
	void anOutboundMappingPreviewsFromACanonicalDocument() throws Exception {
		Path po = Demo.dir().resolve("canonical/po-45001.xmi");
		io.syncline.mapping.CanonicalDocuments.Sample sample = io.syncline.mapping.CanonicalDocuments.read(po, null,
				io.syncline.mapping.MappingResources.load(Demo.dir().resolve("mappings/po-850-outbound.synmap")));
		assertEquals("purchaseOrders", sample.list());
		assertEquals("PurchaseOrder", sample.className());
		io.syncline.mapping.model.SchemaNode tree = io.syncline.mapping.SchemaTrees.ofCanonical(sample.className(),
				sample.objects().get(0));
		assertEquals("PO-45001", io.syncline.mapping.SchemaTrees.resolve(tree, "poNumber").getSample());
		assertEquals("AF-HX-0616", io.syncline.mapping.SchemaTrees.resolve(tree, "lines/supplierSku").getSample());

		Collected seen = new Collected();
		MappingRunner.Summary summary = MappingPreview.runOutbound(Demo.mapping("po-850-outbound"), po,
				sample.list(), 10, () -> false, seen);
		assertEquals(1, summary.mapped(), seen.records.toString());
		io.syncline.formats.Node x850 = (io.syncline.formats.Node) seen.records.get(0).output();
		assertEquals("PO-45001", x850.child("BEG").child("BEG03").value());
		FieldTrace beg03 = seen.records.get(0).traces().stream().filter(t -> t.target().equals("BEG/BEG03"))
				.findFirst().orElseThrow();
		assertEquals(List.of("poNumber"), beg03.sources());
		assertEquals(List.of("PO-45001"), beg03.sourceValues());
	}
}
