package io.syncline.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.syncline.mapping.MappingResources;
import io.syncline.mapping.TargetSchema;
import io.syncline.mapping.model.Direction;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.Rule;

/** The mapping editor's target tree: a canonical class's features, nested, typed, required and repeating marked. */
class TargetSchemaTest {

	@Test
	void aPurchaseOrderHasItsLinesAsALoopWithNestedQuantities() {
		TargetSchema.Node order = TargetSchema.of("PurchaseOrder");
		TargetSchema.Node number = order.find("poNumber");
		assertEquals("text", number.type());
		assertTrue(number.required(), "a PO has its number");
		TargetSchema.Node lines = order.find("lines");
		assertTrue(lines.repeating(), "lines are a loop");
		TargetSchema.Node quantity = lines.find("quantity/value");
		assertNotNull(quantity, "nested through the contained quantity");
		assertEquals("quantity/value", quantity.path(), "relative to the line, as a loop's rules name it");
		assertEquals("decimal", quantity.type());
		assertTrue(order.find("supplier").type().endsWith(" by key"), order.find("supplier").type());
		assertFalse(order.find("supplier").repeating());
	}

	@Test
	void onlyCanonicalEntitiesAreTargets() {
		assertTrue(TargetSchema.entities().containsAll(List.of("SupplierItem", "PurchaseOrder", "SalesOrder", "Item")),
				TargetSchema.entities().toString());
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> TargetSchema.of("NoSuchThing"));
		assertTrue(refused.getMessage().contains("SupplierItem"), "it says which are: " + refused.getMessage());
	}

	/** Every target every shipped inbound mapping names is in its class's tree, where the editor would draw to. */
	@Test
	void everyTargetOfEveryShippedInboundMappingIsInTheTree() throws Exception {
		List<String> missing = new ArrayList<>();
		int checked = 0;
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("syncline.demo"), "mappings"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".synmap")).toList()) {
				Mapping mapping = MappingResources.load(file);
				if (mapping.getDirection() == Direction.OUTBOUND) {
					continue;
				}
				checked += check(mapping.getName(), TargetSchema.of(mapping.getTargetType()), mapping.getRules(),
						missing);
			}
		}
		assertEquals(List.of(), missing);
		assertTrue(checked > 100, "the shipped mappings' rules were checked: " + checked);
	}

	private static int check(String mapping, TargetSchema.Node owner, List<Rule> rules, List<String> missing) {
		int checked = 0;
		for (Rule rule : rules) {
			TargetSchema.Node node = owner.find(rule.getTarget());
			checked++;
			if (node == null) {
				missing.add(mapping + ": " + rule.getTarget() + " under " + owner.name());
			} else if (rule instanceof LoopRule loop) {
				checked += check(mapping, node, loop.getRules(), missing);
			} else if (!(rule instanceof FieldRule)) {
				missing.add(mapping + ": an unknown rule at " + rule.getTarget());
			}
		}
		return checked;
	}
}
