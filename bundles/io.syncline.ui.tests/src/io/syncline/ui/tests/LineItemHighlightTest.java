package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.ui.internal.exceptions.PayloadLocator;

/**
 * Every kind of exception that names a line of a document, over the Harbor day, highlights that line's own loop in
 * the payload it came in, not the file's line of the same number: PO-45001's price change on line 3 of Acme's 855
 * is its PO1, ACK and CTP (the file's lines 10 to 12), not the file's third line ({@code ST*855}); a line the
 * supplier acknowledged that the order never had is the PO1 loop the supplier sent.
 */
class LineItemHighlightTest {

	@TempDir
	Path dir;

	private HarborConsole console;
	private LocalRuntime local;

	@BeforeEach
	void harbor() throws Exception {
		console = HarborConsole.open(dir);
		local = console.local;
	}

	@AfterEach
	void close() throws Exception {
		console.close();
	}

	@Test
	void aPriceChangeHighlightsThePriceChangedLinesLoop() {
		ExceptionSummary priceChange = open("PRICE_CHANGE", "PO-45001/3");
		assertEquals("855 line item 3", priceChange.location());
		String highlighted = highlighted(priceChange);
		assertTrue(highlighted.startsWith("PO1*3*1000*EA*0.2150"), highlighted);
		assertTrue(highlighted.contains("ACK*IP*1000") && highlighted.contains("CTP**CON*0.2290"), highlighted);
		assertFalse(highlighted.contains("CTT") || highlighted.contains("PO1*2") || highlighted.contains("ST*855"),
				highlighted);
	}

	@Test
	void anExceptionStoredBeforeLineItemsWereNamedSoIsReadTheSameWay() {
		ExceptionSummary priceChange = open("PRICE_CHANGE", "PO-45001/3");
		String payload = payloadOf(priceChange);
		assertEquals(PayloadLocator.locate(payload, "855 line item 3"), PayloadLocator.locate(payload, "855 line 3"),
				"'855 line 3', as exceptions were located until now, is the same line item");
	}

	@Test
	void aLineThePurchaseOrderNeverHadHighlightsTheLoopTheSupplierSent() throws Exception {
		String ack = Files.readString(HarborConsole.demo().resolve("samples/edi/acme-855-po-ack.edi"),
				StandardCharsets.US_ASCII);
		String extraLine = ack.replace("*000000203*", "*000000299*").replace("IEA*1*000000203", "IEA*1*000000299")
				.replace("*203*X*", "*299*X*").replace("GE*1*203", "GE*1*299")
				.replace("CTT*3", "PO1*9*10*EA*0.0825*PE*VP*AF-HX-0616~\nACK*IA*10*EA*068*20261125~\nCTT*4")
				.replace("SE*12*0001", "SE*14*0001");
		var result = local.submit("acme", null, "acme-855-extra-line.edi", extraLine.getBytes(StandardCharsets.US_ASCII));
		assertTrue(local.exceptions(ExceptionQuery.open().ofKind("UNKNOWN_PO_LINE")).items().size() == 1,
				"the 855 with a line the PO never had: " + result + "; open: "
						+ local.exceptions(ExceptionQuery.open()).items());
		ExceptionSummary unknownLine = open("UNKNOWN_PO_LINE", "PO-45001/9");
		assertEquals("855 line item 9", unknownLine.location());
		String highlighted = highlighted(unknownLine);
		assertTrue(highlighted.startsWith("PO1*9*10*EA*0.0825") && highlighted.contains("ACK*IA*10*EA"), highlighted);
		assertFalse(highlighted.contains("CTT") || highlighted.contains("PO1*3"), highlighted);
	}

	private ExceptionSummary open(String kind, String businessKey) {
		return local.exceptions(ExceptionQuery.open().ofKind(kind)).items().stream()
				.filter(e -> businessKey.equals(e.businessKey())).findFirst()
				.orElseThrow(() -> new AssertionError("no open " + kind + " for " + businessKey));
	}

	private String payloadOf(ExceptionSummary exception) {
		return new String(local.exception(exception.id()).payload(), StandardCharsets.UTF_8);
	}

	private String highlighted(ExceptionSummary exception) {
		String payload = payloadOf(exception);
		PayloadLocator.Range range = PayloadLocator.locate(payload, exception.location());
		assertNotNull(range, "no range for " + exception.location());
		return payload.substring(range.start(), range.start() + range.length());
	}
}
