package io.syncline.mapping.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Map;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.syncline.formats.Node;
import io.syncline.formats.SourceLocation;
import io.syncline.mapping.functions.MappingFunctions;
import io.syncline.mapping.functions.UomCatalog;

/** The direct-call fast path gives what JEXL gives, for every shape it takes over. */
class DirectExpressionsTest {

	private final MappingFunctions functions = new MappingFunctions(Locale.ROOT,
			Map.of("acme-sku", Map.of("AF-HX-0616", "HS-100101")), UomCatalog.empty());
	private final DirectExpressions direct = new DirectExpressions(functions);
	private final JexlEngine jexl = new JexlBuilder()
			.permissions(JexlPermissions.RESTRICTED.compose("io.syncline.mapping.functions.*", "io.syncline.mapping.internal.*"))
			.namespaces(Map.of("fn", functions)).strict(true).create();

	private RuleContext context(String value) {
		Node row = Node.branch("row", SourceLocation.ofFile("t.csv"));
		row.addLeaf("qualifier", "VP", SourceLocation.ofFile("t.csv"));
		row.addLeaf("sku", "AF-HX-0616", SourceLocation.ofFile("t.csv"));
		RuleContext context = new RuleContext();
		context.bind(new NodeSourceView(row), new Object[] { value });
		return context;
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "fn:crossRef('acme-sku', value)|AF-HX-0616",
			"fn:date(value, 'CCYYMMDD')|20261209", "fn:date(value, 'yyyy-MM-dd')|2026-12-01",
			"fn:gtinValid(value) ? fn:gtin14(value) : null|012345678905",
			"fn:gtinValid(value) ? fn:gtin14(value) : null|040000000000", "record.get('qualifier') == 'VP'|x",
			"record.get('qualifier') != 'VP'|x", "record.get('missing') != null|x", "fn:impliedDecimal(value, 2)|126150",
			"fn:crossRef('acme-sku', record.get('sku'))|x", "fn:padLeft(value, 6, '0')|42" })
	void sameResultAsJexl(String expression, String value) {
		Evaluable fast = direct.compile(expression);
		assertNotNull(fast, "the fast path takes " + expression);
		assertEquals(jexl.createExpression(expression).evaluate(context(value)), fast.evaluate(context(value)));
	}

	@Test
	void functionErrorsStayTheFunctionsOwn() {
		Evaluable fast = direct.compile("fn:crossRef('acme-sku', value)");
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
				() -> fast.evaluate(context("AF-XX-9999")));
		assertEquals("'AF-XX-9999' is not in lookup table 'acme-sku'", error.getMessage());
	}

	@Test
	void otherShapesAreLeftToJexl() {
		assertNull(direct.compile("'SO-' + value"));
		assertNull(direct.compile("fn:concat(value, 'x')"), "varargs");
		assertNull(direct.compile("fn:substring(value, 0, 2)"), "a String parameter takes only literals here");
	}
}
