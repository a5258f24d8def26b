package io.syncline.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.syncline.formats.SourceOptions;
import io.syncline.formats.infer.SchemaInference;
import io.syncline.mapping.MappingChecks;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingProblem;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.functions.FunctionCatalog;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.SchemaNode;

/** The problems the mapping editor marks, each at its rule, and the source tree rules are resolved against. */
class MappingChecksTest {

	private static Mapping load(String name) throws Exception {
		return MappingResources.load(Demo.dir().resolve("mappings").resolve(name + ".synmap"));
	}

	private static SchemaNode tree(String sample) throws Exception {
		return SchemaTrees.of(SchemaInference.infer(Demo.sample(sample), SourceOptions.defaults(), 100));
	}

	@Test
	void everyShippedMappingChecksWithoutErrors() throws Exception {
		try (Stream<Path> files = Files.list(Demo.dir().resolve("mappings"))) {
			for (Path file : files.sorted().toList()) {
				Mapping mapping = MappingResources.load(file);
				List<MappingProblem> errors = MappingChecks.check(mapping, MappingEnvironment.offline(), null).stream()
						.filter(MappingProblem::isError).toList();
				assertEquals(List.of(), errors, file.getFileName().toString());
			}
		}
	}

	@Test
	void theHarbor855ResolvesAgainstItsSamplesTree() throws Exception {
		Mapping mapping = load("acme-855-po-ack");
		List<MappingProblem> problems = MappingChecks.check(mapping, MappingEnvironment.offline(),
				tree("edi/acme-855-po-ack.edi"));
		assertEquals(List.of(), problems);
	}

	@Test
	void eachKindOfProblemIsLocatedAtItsRule() throws Exception {
		Mapping mapping = load("acme-855-po-ack");
		FieldRule poNumber = (FieldRule) mapping.getRules().get(0);
		poNumber.getSources().set(0, "BAK/BAK99"); // not in the 855's schema
		FieldRule orderDate = (FieldRule) mapping.getRules().get(3);
		orderDate.setExpression("fn:dat(value, 'CCYYMMDD')"); // a misspelt function
		LoopRule lines = (LoopRule) mapping.getRules().get(5);
		lines.getRules().remove(4); // quantity/uom: required, now unmapped
		FieldRule price = (FieldRule) lines.getRules().get(4); // unitPrice/amount from PO104
		price.getSources().set(0, "PO1/PO106"); // a qualifier (VP): text into a number
		lines.getRules().get(0).setCondition("value ==");

		List<MappingProblem> problems = MappingChecks.check(mapping, MappingEnvironment.offline(),
				tree("edi/acme-855-po-ack.edi"));

		assertProblem(problems, "1", MappingProblem.Severity.WARNING, "BAK/BAK99 is not in the sample's tree");
		assertProblem(problems, "4", MappingProblem.Severity.ERROR, "unknown function fn:dat");
		assertProblem(problems, "6", MappingProblem.Severity.ERROR, "quantity/uom is required, and no rule maps it");
		assertProblem(problems, "6.5", MappingProblem.Severity.WARNING, "PO1/PO106 is text (e.g. VP) but amount is a number");
		assertProblem(problems, "6.1", MappingProblem.Severity.ERROR, "condition: expression 'value ==' does not parse");
		assertEquals(5, problems.size(), problems.toString());
	}

	private static void assertProblem(List<MappingProblem> problems, String rule, MappingProblem.Severity severity,
			String text) {
		assertTrue(problems.stream().anyMatch(p -> p.rulePath().equals(rule) && p.severity() == severity
				&& p.message().contains(text)), () -> "no " + severity + " at rule " + rule + " with '" + text + "' in "
						+ problems);
	}

	@Test
	void aRefusalFromTheRuntimeLocatesByTheRulesLabel() throws Exception {
		Mapping mapping = load("acme-855-po-ack");
		((LoopRule) mapping.getRules().get(5)).getRules().get(2).setTarget("itm");
		MappingCompileException refused = assertThrows(MappingCompileException.class,
				() -> MappingCompiler.compile(mapping, MappingEnvironment.offline()));
		for (String line : refused.getMessage().split("\n")) {
			if (line.contains("itm")) {
				assertEquals("6.3", MappingProblem.parse(line).rulePath(), line);
			}
		}
		assertEquals("6.3", refused.located().get(0).rulePath());
	}

	@Test
	void sourcePathsRoundTripThroughTheTree() throws Exception {
		SchemaNode root = tree("edi/acme-855-po-ack.edi");
		SchemaNode loop = SchemaTrees.resolve(root, "PO1_LOOP");
		SchemaNode sku = SchemaTrees.resolve(loop, "PO1/PO107");
		SchemaNode ackNumber = SchemaTrees.resolve(root, "BAK/BAK08");
		assertNotNull(sku);
		assertTrue(loop.isRepeating());
		assertEquals("PO1/PO107", SchemaTrees.path(loop, sku));
		assertEquals("../BAK/BAK08", SchemaTrees.path(loop, ackNumber));
		assertEquals(ackNumber, SchemaTrees.resolve(loop, "../BAK/BAK08"));
		assertEquals("PO1-07 Product/Service ID", SchemaTrees.label(sku));
		assertEquals("AF-HX-0616", sku.getSample());
		assertNull(SchemaTrees.resolve(loop, "PO1/PO199"));
	}

	@Test
	void withoutASampleTheTreeIsWhatTheRulesName() throws Exception {
		Mapping mapping = load("acme-855-po-ack");
		SchemaNode root = SchemaTrees.fromRules(mapping);
		SchemaNode loop = SchemaTrees.resolve(root, "PO1_LOOP");
		assertTrue(loop.isRepeating());
		assertNotNull(SchemaTrees.resolve(loop, "ACK_LOOP/ACK/ACK05"));
		assertNotNull(SchemaTrees.resolve(root, "BAK/BAK03"));
	}

	@Test
	void theFunctionsAreListedWithTheirParameters() {
		assertTrue(FunctionCatalog.all().stream().anyMatch(
				f -> f.signature().equals("fn:padLeft(value, width, pad) → text")), FunctionCatalog.all().toString());
		assertTrue(FunctionCatalog.exists("crossRef"));
		assertEquals(java.util.Set.of("nope"), FunctionCatalog.unknownCalls("fn:trim(fn:nope(value))"));
	}
}
