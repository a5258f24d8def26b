package io.syncline.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

import io.syncline.mapping.MappingDiff;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.MappingFactory;

/** Two versions compared rule by rule: the changed rule is named, with what changed in it. */
class MappingDiffTest {

	@Test
	void namesTheRulesAddedRemovedAndChanged() throws Exception {
		Mapping v1 = MappingResources.load(Demo.dir().resolve("mappings/acme-855-po-ack.synmap"));
		Mapping v2 = EcoreUtil.copy(v1);
		assertEquals(List.of(), MappingDiff.compare(v1, v2));

		LoopRule lines = (LoopRule) v2.getRules().get(5);
		((FieldRule) lines.getRules().get(3)).setExpression("fn:round(value, 0)"); // quantity/value
		v2.getRules().remove(4); // acknowledgmentNumber
		FieldRule requested = MappingFactory.eINSTANCE.createFieldRule();
		requested.setTarget("requestedDate");
		requested.getSources().add("BAK/BAK09");
		v2.getRules().add(0, requested); // moving the others down changes none of them

		List<MappingDiff.Change> changes = MappingDiff.compare(v1, v2);
		assertEquals(List.of(
				"changed lines/quantity/value: expression (none) → 'fn:round(value, 0)'",
				"removed acknowledgmentNumber",
				"added requestedDate: from BAK/BAK09"),
				changes.stream().map(MappingDiff.Change::toString).sorted((a, b) -> a.startsWith("changed") ? -1
						: b.startsWith("changed") ? 1 : b.compareTo(a)).toList());
	}
}
