package io.syncline.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.syncline.formats.SourceOptions;
import io.syncline.formats.infer.FieldType;
import io.syncline.formats.infer.SchemaField;
import io.syncline.formats.infer.SchemaInference;

class SchemaInferenceTest {

	@Test
	void csvColumnsGetTypesAndCodesStayText() throws Exception {
		SchemaField row = SchemaInference.infer(Samples.file("boltco-catalog.csv"), SourceOptions.defaults(), 1000);
		assertEquals(FieldType.STRING, row.child("supplier_sku").type());
		assertEquals(FieldType.STRING, row.child("upc").type(), "leading zeros: a code, not a number");
		assertEquals(FieldType.DECIMAL, row.child("unit_cost").type());
		assertEquals(FieldType.INTEGER, row.child("lead_time_days").type());
		assertEquals(FieldType.DATE, row.child("effective_date").type());
	}

	@Test
	void jsonRepeatingGroupsAndOptionalFieldsAreFound() throws Exception {
		SchemaField order = SchemaInference.infer(Samples.file("shop-orders.json"),
				SourceOptions.defaults().withRecordPath("/orders/*"), 1000);
		SchemaField lines = order.child("line_items");
		assertEquals(FieldType.GROUP, lines.type());
		assertTrue(lines.repeating());
		assertEquals(FieldType.DECIMAL, lines.child("price").type());
		assertEquals(FieldType.DATETIME, order.child("created_at").type());
		assertTrue(order.render().contains("line_items[]  group"), order.render());
	}

	@Test
	void xmlAttributesAndNestedElements() throws Exception {
		SchemaField position = SchemaInference.infer(Samples.file("wms-atl-snapshot.xml"),
				SourceOptions.defaults().withRecordPath("/InventorySnapshot/Position"), 1000);
		assertEquals(FieldType.STRING, position.child("@item").type());
		assertEquals(FieldType.INTEGER, position.child("Allocated").type());
		assertFalse(position.child("Allocated").repeating());
	}

	/**
	 * A supplier's XML price list as a new user tried it: amounts carry their currency and units their pack size as
	 * attributes (as in UBL, cXML, OAGIS). The price and the unit themselves must be in the tree, not only the
	 * attributes, or they cannot be picked.
	 */
	@Test
	void anElementWithAttributesAndTextShowsBoth(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		java.nio.file.Path prices = java.nio.file.Files.writeString(dir.resolve("prices.xml"), """
				<PriceList supplier="pier">
				  <Item><Sku>PS-1001</Sku><Price currency="USD">32.9111</Price><Unit qty="50">box</Unit></Item>
				  <Item><Sku>PS-1002</Sku><Price currency="USD">4.50</Price><Unit qty="1">each</Unit></Item>
				</PriceList>
				""");
		SchemaField item = SchemaInference.infer(prices, SourceOptions.defaults().withRecordPath("/PriceList/Item"),
				1000);
		SchemaField price = item.child("Price");
		assertEquals(FieldType.GROUP, price.type());
		assertTrue(price.hasText(), "the price itself can be picked:\n" + item.render());
		assertEquals(FieldType.DECIMAL, price.textType());
		assertEquals("32.9111", price.sample());
		assertEquals(FieldType.STRING, price.child("@currency").type());
		assertTrue(item.child("Unit").hasText());
		assertEquals("box", item.child("Unit").sample());
		assertEquals(FieldType.INTEGER, item.child("Unit").child("@qty").type());
		assertFalse(item.child("Sku").hasText(), "a leaf is a value, not a group with text");
		assertTrue(item.render().contains("Price  group with text decimal  e.g. 32.9111"), item.render());
	}

	@Test
	void x12TreeComesFromTheTransactionSchemaWithTitles() throws Exception {
		SchemaField asn = SchemaInference.infer(Samples.file("edi/acme-856-asn.edi"), SourceOptions.defaults(), 10);
		assertEquals("856", asn.name());
		SchemaField hl = asn.child("HL_LOOP");
		assertTrue(hl.repeating());
		SchemaField sn102 = hl.child("SN1").child("SN102");
		assertEquals(FieldType.DECIMAL, sn102.type());
		assertEquals("Number of Units Shipped", sn102.title());
		assertEquals("SN1-02 Number of Units Shipped", sn102.label(), "as the editor's source tree names it");
		assertTrue(hl.child("SN1").label().startsWith("SN1 ") && hl.child("SN1").label().length() > 4,
				"a segment with its title: " + hl.child("SN1").label());
		assertEquals("N1-01 Entity Identifier Code", hl.child("N1_LOOP").child("N1").child("N101").label());
		assertEquals("Price", new SchemaField("Price").label(), "a name without a title is itself");
		assertTrue(asn.child("BSN").child("BSN02").required());
		assertEquals(FieldType.DATE, asn.child("BSN").child("BSN03").type());
		assertEquals("ASN-88001", asn.child("BSN").child("BSN02").sample(), "the sample's value beside the name");
		assertTrue(asn.render().contains("e.g. ASN-88001"), asn.render());
	}
}
