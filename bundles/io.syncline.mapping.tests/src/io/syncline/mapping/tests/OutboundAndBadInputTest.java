package io.syncline.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.formats.Node;
import io.syncline.formats.Problem;
import io.syncline.formats.x12.FileControlNumbers;
import io.syncline.formats.x12.PartnerProfile;
import io.syncline.formats.x12.X12Comparison;
import io.syncline.formats.x12.X12Writer;
import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.MappingRunner;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.MappingFactory;
import io.syncline.model.canonical.DataSet;
import io.syncline.model.canonical.PurchaseOrder;

class OutboundAndBadInputTest {

	@TempDir
	Path dir;

	@Test
	void po45001RendersAsTheSample850SegmentBySegment() throws Exception {
		Resource resource = MappingResources.resourceSet()
				.getResource(URI.createFileURI(Demo.dir().resolve("canonical/po-45001.xmi").toString()), true);
		PurchaseOrder po = ((DataSet) resource.getContents().get(0)).getPurchaseOrders().get(0);
		MapOutcome outcome = MappingRunner.mapOutbound(Demo.mapping("po-850-outbound"), po, "po-45001.xmi");
		assertEquals(List.of(), outcome.problems());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PartnerProfile acme = PartnerProfile.x12v4010("acme", "ZZ", "HARBORSUPPLY", "ZZ", "ACMEFAST");
		new X12Writer(acme, new FileControlNumbers(dir)).write("PO", List.of((Node) outcome.output()),
				LocalDateTime.of(2026, 11, 20, 12, 0), out);
		String expected = Files.readString(Demo.sample("edi/harbor-850-purchase-order.edi"), StandardCharsets.US_ASCII);
		String written = out.toString(StandardCharsets.US_ASCII);
		assertEquals(X12Comparison.comparable(expected), X12Comparison.comparable(written));
		assertEquals(List.of(), IndependentX12Check.check(written));
		assertEquals(List.of(), IndependentX12Check.check(expected), "the checker accepts the partner's own sample");
	}

	@Test
	void independentCheckerCatchesABrokenCount() throws Exception {
		String sample = Files.readString(Demo.sample("edi/harbor-850-purchase-order.edi"), StandardCharsets.US_ASCII);
		assertEquals(List.of("SE01 14 but the transaction has 15 segments"),
				IndependentX12Check.check(sample.replace("SE*15*0001", "SE*14*0001")));
	}

	@Test
	void jsonValueOfTheWrongTypeFailsItsRecordWithLineAndRuleAndTheOthersGoOn() throws Exception {
		String catalog = Files.readString(Demo.sample("cascade-catalog.json"), StandardCharsets.UTF_8)
				.replaceFirst("\"cost\": 36.9609", "\"cost\": \"call us\"");
		Path file = dir.resolve("cascade-bad.json");
		Files.writeString(file, catalog);
		Demo.Run run = Demo.run(Demo.mapping("cascade-catalog"), file);
		assertEquals(11, run.objects().size());
		assertEquals(1, run.problems().size());
		Problem problem = run.problems().get(0);
		String text = problem.describe();
		assertTrue(text.startsWith("cascade-bad.json line 10"), text);
		assertTrue(text.contains("rule 8 (cost/amount)") && text.contains("'call us' is not a number"), text);
	}

	@Test
	void unknownSupplierSkuIsAnErrorNamingTheTable() throws Exception {
		Path file = dir.resolve("boltco-new.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(Demo.sample("boltco-catalog.csv")));
		lines.add("BC-009999,040000000000,New part,EA,1,1.00,USD,3,1,2026-12-01");
		Files.write(file, lines);
		Demo.Run run = Demo.run(Demo.mapping("boltco-catalog"), file);
		assertEquals(12, run.objects().size());
		String text = run.problems().get(0).describe();
		assertTrue(text.startsWith("boltco-new.csv line 14, field 'supplier_sku'"), text);
		assertTrue(text.contains("'BC-009999' is not in lookup table 'boltco-sku'"), text);
	}

	@Test
	void csvWithAMissingColumnIsLocatedAndNothingElseIsLost() throws Exception {
		Path file = dir.resolve("boltco-short.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(Demo.sample("boltco-catalog.csv")));
		lines.set(3, lines.get(3).substring(0, lines.get(3).lastIndexOf(',')));
		Files.write(file, lines);
		Demo.Run run = Demo.run(Demo.mapping("boltco-catalog"), file);
		assertEquals(11, run.objects().size());
		assertEquals(1, run.summary().failed());
		assertTrue(run.problems().get(0).describe().contains("line 4: row has 9 fields, the header has 10"),
				run.problems().get(0).describe());
	}

	@Test
	void compileReportsEveryBadRuleAtOnce() {
		Mapping mapping = MappingFactory.eINSTANCE.createMapping();
		mapping.setName("broken");
		mapping.setTargetType("SupplierItem");
		mapping.setVersion(MappingFactory.eINSTANCE.createVersionInfo());
		mapping.setSource(MappingFactory.eINSTANCE.createSourceSettings());
		FieldRule unknown = MappingFactory.eINSTANCE.createFieldRule();
		unknown.setTarget("costs/amount");
		unknown.getSources().add("unit_cost");
		FieldRule badExpression = MappingFactory.eINSTANCE.createFieldRule();
		badExpression.setTarget("supplierSku");
		badExpression.setExpression("fn:upper(value");
		mapping.getRules().add(unknown);
		mapping.getRules().add(badExpression);
		MappingCompileException error = assertThrows(MappingCompileException.class,
				() -> MappingCompiler.compile(mapping, MappingEnvironment.offline()));
		assertEquals(2, error.problems().size(), error.getMessage());
		assertTrue(error.problems().get(0).startsWith("rule 1 (costs/amount): SupplierItem has no feature 'costs'"),
				error.problems().get(0));
		assertTrue(error.problems().get(1).startsWith("rule 2 (supplierSku): expression 'fn:upper(value' does not parse"),
				error.problems().get(1));
	}

	@Test
	void expressionsCannotReachTheRuntime() throws Exception {
		Mapping mapping = MappingResources.load(Demo.dir().resolve("mappings/boltco-catalog.synmap"));
		FieldRule sneaky = (FieldRule) mapping.getRules().get(4);
		sneaky.setExpression("''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch /tmp/pwned')");
		CompiledMapping compiled = MappingCompiler.compile(mapping, MappingEnvironment.offline());
		Demo.Run run = Demo.run(compiled, Demo.sample("boltco-catalog.csv"));
		assertEquals(0, run.objects().size());
		assertEquals(12, run.problems().size());
		assertTrue(run.problems().get(0).describe().contains("rule 5 (description)"), run.problems().get(0).describe());
		assertTrue(!Files.exists(Path.of("/tmp/pwned")));
	}
}
