package io.syncline.runtime.client.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.syncline.runtime.api.AuditEntry;
import io.syncline.runtime.api.BulkResult;
import io.syncline.runtime.api.Decision;
import io.syncline.runtime.api.ExceptionDetail;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.api.ValidationReport;
import io.syncline.testing.Harbor;

/**
 * The exception queue's filters, counts and bulk calls as the Exceptions view uses them, for the runtime contract
 * (local and remote, H2 and PostgreSQL): a supplier's new price list opens a price change per item, which are
 * counted, narrowed by partner and age, dry-run and then accepted by filter, each audited; an edit is validated
 * before it is kept, and its field-level diff is audited.
 */
final class ExceptionDeskChecks {

	private ExceptionDeskChecks() {
	}

	/** Bolt & Co's catalog again with every cost up 10 %, above the 2 % tolerance. */
	static String dearerBoltCo() throws Exception {
		List<String> lines = Files.readAllLines(Harbor.demo("samples/boltco-catalog.csv"));
		StringBuilder dearer = new StringBuilder(lines.get(0)).append('\n');
		for (String line : lines.subList(1, lines.size())) {
			String[] fields = line.split(",", -1);
			fields[5] = new BigDecimal(fields[5]).multiply(new BigDecimal("1.10")).setScale(4,
					java.math.RoundingMode.HALF_UP).toPlainString();
			dearer.append(String.join(",", fields)).append('\n');
		}
		return dearer.toString();
	}

	static void priceChangesAreCountedFilteredDryRunAndAcceptedByFilter(IntegrationRuntime runtime) throws Exception {
		Harbor.masterDataAndPo(runtime);
		assertEquals("APPLIED", Harbor.submit(runtime, "boltco", "samples/boltco-catalog.csv").status());
		Harbor.submit(runtime, "acme", "samples/edi/acme-855-po-ack.edi"); // one PO price change, of Acme
		String dearer = dearerBoltCo();
		int items = (int) dearer.lines().count() - 1;
		runtime.submit("boltco", null, "boltco-catalog-2027.csv", dearer.getBytes(StandardCharsets.UTF_8));

		ExceptionQuery boltco = ExceptionQuery.open().ofKind("PRICE_CHANGE").ofPartner("boltco");
		assertEquals(Map.of("PRICE_CHANGE", (long) items), runtime.exceptionCounts(boltco));
		assertEquals(items + 1L, runtime.exceptionCounts(ExceptionQuery.open()).get("PRICE_CHANGE"),
				"and Acme's on PO-45001");
		assertEquals(1, runtime.exceptions(ExceptionQuery.open().ofKind("PRICE_CHANGE").ofPartner("acme")).items()
				.size());
		assertTrue(runtime.exceptions(boltco.createdBefore(Instant.parse("2020-01-01T00:00:00Z"))).items().isEmpty(),
				"none is that old");
		assertEquals(items, runtime.exceptions(boltco.createdBefore(Instant.now().plusSeconds(60))).items().size());
		assertTrue(runtime.exceptionCounts(boltco.inState("RESOLVED")).isEmpty());

		assertThrows(IllegalArgumentException.class,
				() -> runtime.decideMatching(boltco, Decision.ACCEPT, " ", true), "a reason is required");
		BulkResult dry = runtime.decideMatching(boltco, Decision.ACCEPT, "Bolt & Co 2027 price list", true);
		assertEquals(items, dry.count("WOULD_DECIDE"), dry.items().toString());
		assertEquals(Map.of("PRICE_CHANGE", (long) items), runtime.exceptionCounts(boltco), "a dry run changes nothing");

		BulkResult refused = runtime.decideMatching(ExceptionQuery.open().ofKind("MAPPING_ERROR"), Decision.ACCEPT,
				"accept everything", true);
		assertEquals(0, refused.count("WOULD_DECIDE"), "only price changes are accepted");

		BulkResult accepted = runtime.decideMatching(boltco, Decision.ACCEPT, "Bolt & Co 2027 price list", false);
		assertEquals(items, accepted.count("DECIDED"), accepted.items().toString());
		assertTrue(runtime.exceptionCounts(boltco).isEmpty(), "none left open");
		ExceptionSummary one = runtime.exceptions(ExceptionQuery.everything().ofKind("PRICE_CHANGE")
				.ofPartner("boltco")).items().get(0);
		ExceptionDetail detail = runtime.exception(one.id());
		AuditEntry resolved = detail.history().get(detail.history().size() - 1);
		assertEquals(runtime.principal().user(), resolved.actor());
		assertTrue(resolved.reason().contains("Bolt & Co 2027 price list"), resolved.toString());

		SubmitResult again = runtime.submit("boltco", null, "boltco-catalog-2027-again.csv",
				dearer.getBytes(StandardCharsets.UTF_8));
		assertFalse(again.outcomes().containsKey("PRICE_CHANGE_HELD"),
				"the accepted costs are the stored ones now: " + again.outcomes());
		assertTrue(runtime.exceptionCounts(boltco).isEmpty());
		assertEquals(1, runtime.exceptionCounts(ExceptionQuery.open()).get("PRICE_CHANGE"), "Acme's is untouched");
	}

	static void acceptingAPoPriceChangeMatchesItsInvoiceAgain(IntegrationRuntime runtime) throws Exception {
		Harbor.masterDataAndPo(runtime);
		for (String document : List.of("acme-855-po-ack", "acme-856-asn", "acme-810-invoice")) {
			Harbor.submit(runtime, "acme", "samples/edi/" + document + ".edi");
		}
		assertEquals("MISMATCH", runtime.document(io.syncline.runtime.api.BusinessDocument.Type.INVOICE, "INV-7781")
				.orElseThrow().status(), "invoiced at the price still awaiting acceptance");
		ExceptionSummary mismatch = runtime.exceptions(ExceptionQuery.open().ofKind("INVOICE_MISMATCH")).items().get(0);
		ExceptionSummary priceChange = runtime.exceptions(ExceptionQuery.open().ofKind("PRICE_CHANGE")).items().get(0);
		runtime.decide(priceChange.id(), Decision.ACCEPT, "Acme's new price for AF-LG-1420 agreed");
		assertEquals("MATCHED", runtime.document(io.syncline.runtime.api.BusinessDocument.Type.INVOICE, "INV-7781")
				.orElseThrow().status(), "the three-way match is clean now");
		ExceptionDetail closed = runtime.exception(mismatch.id());
		assertEquals("RESOLVED", closed.exception().state());
		assertTrue(closed.history().get(closed.history().size() - 1).reason().contains("price change of PO-45001"),
				closed.history().toString());
		assertTrue(runtime.exceptions(ExceptionQuery.open().ofKind("INVOICE_MISMATCH")).items().isEmpty());
	}

	static void theAuditReadsNewestFirstFilteredAndPaged(IntegrationRuntime runtime) throws Exception {
		Harbor.masterDataAndPo(runtime);
		Harbor.submit(runtime, "acme", "samples/edi/acme-855-po-ack.edi");
		ExceptionSummary priceChange = runtime.exceptions(ExceptionQuery.open().ofKind("PRICE_CHANGE")).items().get(0);
		runtime.assign(priceChange.id(), "lee");
		runtime.decide(priceChange.id(), Decision.REJECT, "Acme keeps the PO price");
		String me = runtime.principal().user();
		var ofExceptions = runtime.audit(io.syncline.runtime.api.AuditQuery.newest().about("exception/"));
		assertEquals(List.of("resolved", "assign"), ofExceptions.items().stream().map(AuditEntry::action).toList(),
				"newest first, every exception's");
		assertTrue(ofExceptions.items().stream().allMatch(entry -> entry.actor().equals(me)));
		assertEquals("Acme keeps the PO price", ofExceptions.items().get(0).reason().replace("rejected: ", ""));
		var one = runtime.audit(io.syncline.runtime.api.AuditQuery.newest().about("exception/" + priceChange.id())
				.ofAction("assign"));
		assertEquals(1, one.items().size());
		var first = runtime.audit(io.syncline.runtime.api.AuditQuery.newest().byActor(me).pageSize(1));
		var second = runtime.audit(io.syncline.runtime.api.AuditQuery.newest().byActor(me).pageSize(1)
				.before(first.nextAfter()));
		assertTrue(first.items().get(0).id() > second.items().get(0).id(), "the next page is older");
		assertTrue(runtime.audit(io.syncline.runtime.api.AuditQuery.newest().byActor("nobody")).items().isEmpty());
		assertTrue(runtime.audit(io.syncline.runtime.api.AuditQuery.newest()
				.between(Instant.now().plusSeconds(60), null)).items().isEmpty(), "nothing after now");
	}

	static void aCandidateIsValidatedBeforeItIsKeptAndTheEditsDiffIsAudited(IntegrationRuntime runtime)
			throws Exception {
		Harbor.masterDataAndPo(runtime);
		String good = Files.readString(Harbor.demo("samples/boltco-catalog.csv"));
		String bad = good.replace(",3.8859,", ",3.88S9,");
		runtime.submit("boltco", null, "boltco-catalog.csv", bad.getBytes(StandardCharsets.UTF_8));
		ExceptionSummary error = runtime.exceptions(ExceptionQuery.open().ofKind("MAPPING_ERROR")).items().get(0);
		assertTrue(error.location().contains("line 3"), error.location());

		ValidationReport stillBad = runtime.validate(error.id(), bad.replace("3.88S9", "3.88T9")
				.getBytes(StandardCharsets.UTF_8), null);
		assertFalse(stillBad.valid());
		assertTrue(stillBad.problems().get(0).contains("line 3"), stillBad.problems().toString());
		ValidationReport fixed = runtime.validate(error.id(), good.getBytes(StandardCharsets.UTF_8), null);
		assertTrue(fixed.valid(), fixed.problems().toString());
		assertFalse(runtime.exception(error.id()).payloadEdited(), "validating a candidate keeps nothing");
		assertFalse(runtime.validate(error.id()).valid(), "the current payload is still the bad one");

		runtime.editPayload(error.id(), good.getBytes(StandardCharsets.UTF_8), "cost of BC-001001 mistyped");
		AuditEntry edit = runtime.exception(error.id()).history().stream()
				.filter(entry -> entry.action().equals("edit-payload")).findFirst().orElseThrow();
		assertTrue(edit.after().contains("line 3, field 'unit_cost'") && edit.after().contains("3.88S9")
				&& edit.after().contains("3.8859"), "the field-level diff of the edit: " + edit.after());

		BulkResult dry = runtime.retryMatching(ExceptionQuery.open().ofKind("MAPPING_ERROR"), true);
		assertEquals(List.of("WOULD_APPLY"), dry.items().stream().map(BulkResult.Item::outcome).toList());
		BulkResult done = runtime.retryMatching(ExceptionQuery.open().ofKind("MAPPING_ERROR"), false);
		assertEquals(1, done.count("RESUBMITTED"), done.items().stream().map(Object::toString)
				.collect(Collectors.joining("; ")));
		assertEquals("RESOLVED", runtime.exception(error.id()).exception().state());
	}
}
