package io.syncline.runtime.client.tests;

import io.syncline.testing.Harbor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.BulkResult;
import io.syncline.runtime.api.Tenant;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.api.AccessDeniedException;
import io.syncline.runtime.api.Decision;
import io.syncline.runtime.api.ExceptionDetail;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.FlowMetrics;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MappingVersion;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.api.RuntimeStatus;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.api.Subscription;
import io.syncline.runtime.api.ValidationReport;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;
import io.syncline.testing.Harbor;

/**
 * The runtime API over a real database, driven as the console and scripts drive it: submit Harbor documents, query
 * the journal, follow a PO, fix a bad catalog row by editing, validating and resubmitting it, decide a price change,
 * publish a mapping version, and watch it all as live events. Run on H2 and on PostgreSQL.
 */
abstract class RuntimeContract {

	@TempDir
	Path data;

	protected Store store;
	/** The local runtime that holds the data: the one under test, or the one a server serves. */
	protected LocalRuntime root;
	private IntegrationRuntime runtime;
	private final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
	private Subscription subscription;

	protected abstract Store open() throws Exception;

	/**
	 * The API under test, acting as {@code user} with {@code role} in {@code tenant} (null: every tenant, starting
	 * in harbor): local, or remote over HTTP.
	 */
	protected abstract IntegrationRuntime connect(String user, Role role, String tenant) throws Exception;

	private IntegrationRuntime connect(String user, Role role) throws Exception {
		return connect(user, role, "harbor");
	}

	/** Releases what {@link #connect} made (a server, a client). */
	protected void disconnect() {
	}

	@BeforeEach
	void start() throws Exception {
		store = open();
		root = LocalRuntime.over(store, settings());
		runtime = connect("dana", Role.ADMIN);
		subscription = runtime.subscribe(events::add);
	}

	private LocalSettings settings() {
		return LocalSettings.harbor(data, demo("mappings"));
	}

	@AfterEach
	void stop() {
		subscription.close();
		runtime.close();
		disconnect();
		root.close();
		store.close();
	}

	private static Path demo(String relative) {
		return Harbor.demo(relative);
	}

	private SubmitResult submit(String partner, String sample) throws Exception {
		return Harbor.submit(runtime, partner, sample);
	}

	private RuntimeEvent awaitEvent(Predicate<RuntimeEvent> wanted) throws InterruptedException {
		return Harbor.awaitEvent(events, wanted);
	}

	private void harborMasterDataAndPo() throws Exception {
		Harbor.masterDataAndPo(runtime);
	}

	@Test
	void demoMappingsArePublishedOnceEvenWhenImportedAgain() {
		List<MappingVersion> versions = runtime.mappingVersions("acme-855-po-ack");
		assertEquals(1, versions.size());
		assertEquals(1, versions.get(0).version());
		try (LocalRuntime again = LocalRuntime.over(store, settings())) {
			assertEquals(1, again.mappingVersions("acme-855-po-ack").size(), "the same content is not a new version");
		}
	}

	@Test
	void anAcknowledgmentIsJournaledTracedAndAnnounced() throws Exception {
		harborMasterDataAndPo();
		SubmitResult ack = submit("acme", "samples/edi/acme-855-po-ack.edi");
		assertEquals("855", ack.documentType());
		assertEquals("APPLIED", ack.status(), ack.problems().toString());

		Page<MessageSummary> acks = runtime.journal(JournalQuery.all().withPartner("acme").withDocumentType("855"));
		assertEquals(1, acks.items().size());
		MessageSummary row = acks.items().get(0);
		assertEquals(ack.messageId(), row.id());
		assertEquals("PO-45001", row.businessKeys().get("PO"));
		assertEquals(Integer.valueOf(1), row.mappingVersion());
		assertNotNull(row.appliedAt());
		assertArrayEquals(Files.readAllBytes(demo("samples/edi/acme-855-po-ack.edi")), runtime.payload(row.id()));

		List<String> chain = runtime.trace("PO-45001").stream().map(MessageSummary::documentType).toList();
		assertEquals(List.of("purchase-orders", "850", "855"), chain.subList(0, 3));

		awaitEvent(e -> e.type() == RuntimeEvent.Type.MESSAGE_APPLIED && e.messageId() == ack.messageId());
		awaitEvent(e -> e.type() == RuntimeEvent.Type.EXCEPTION_OPENED && e.messageId() == ack.messageId()
				&& e.detail().contains("6.5"));
		RuntimeEvent status = awaitEvent(e -> e.type() == RuntimeEvent.Type.STATUS_CHANGED
				&& "PO-45001".equals(e.businessKey()) && e.messageId() == ack.messageId());
		assertEquals("ACKNOWLEDGED", status.status());
	}

	@Test
	void anEdiOrdersStatusIsAnnounced() throws Exception {
		harborMasterDataAndPo();
		SubmitResult order = submit("bigbox", "samples/edi/bigbox-850-customer-order.edi");
		RuntimeEvent status = awaitEvent(e -> e.type() == RuntimeEvent.Type.STATUS_CHANGED
				&& e.messageId() == order.messageId());
		assertEquals("BACKORDERED", status.status(), "nothing of it is in stock at ATL");
		assertTrue(status.detail().startsWith("sales order "), status.detail());
		assertEquals(status.status(), runtime.document(io.syncline.runtime.api.BusinessDocument.Type.SO,
				status.businessKey()).orElseThrow().status());
	}

	@Test
	void aPriceChangeIsDecidedWithAReasonAndAudited() throws Exception {
		harborMasterDataAndPo();
		submit("acme", "samples/edi/acme-855-po-ack.edi");
		ExceptionSummary priceChange = runtime.exceptions(ExceptionQuery.open().ofKind("PRICE_CHANGE")).items().get(0);
		assertThrows(IllegalArgumentException.class,
				() -> runtime.decide(priceChange.id(), Decision.ACCEPT, " "), "a decision needs a reason");
		try (IntegrationRuntime lead = connect("lead", Role.OPERATOR)) {
			lead.assign(priceChange.id(), "dana");
		}
		runtime.decide(priceChange.id(), Decision.ACCEPT, "new Acme price list, confirmed by phone");
		ExceptionDetail detail = runtime.exception(priceChange.id());
		assertEquals("RESOLVED", detail.exception().state());
		assertEquals("dana", detail.exception().assignee());
		List<String> actions = detail.history().stream().map(entry -> entry.action() + " by " + entry.actor()).toList();
		assertEquals(List.of("assign by lead", "resolved by dana"), actions);
		assertTrue(detail.history().get(1).reason().contains("confirmed by phone"));
		assertThrows(IllegalStateException.class,
				() -> runtime.decide(priceChange.id(), Decision.IGNORE, "twice"), "a closed exception stays closed");
	}

	@Test
	void priceChangesAreCountedFilteredDryRunAndAcceptedByFilter() throws Exception {
		ExceptionDeskChecks.priceChangesAreCountedFilteredDryRunAndAcceptedByFilter(runtime);
	}

	@Test
	void aTenantAdminCreatesListsAndRevokesItsTenantsTokens() throws Exception {
		try (IntegrationRuntime operator = connect("olga", Role.OPERATOR)) {
			TokenChecks.aTenantAdminCreatesListsAndRevokesItsTenantsTokens(runtime, operator, root);
		}
	}

	@Test
	void theAuditReadsNewestFirstFilteredAndPaged() throws Exception {
		ExceptionDeskChecks.theAuditReadsNewestFirstFilteredAndPaged(runtime);
	}

	@Test
	void acceptingAPoPriceChangeMatchesItsInvoiceAgain() throws Exception {
		ExceptionDeskChecks.acceptingAPoPriceChangeMatchesItsInvoiceAgain(runtime);
	}

	@Test
	void aCandidateIsValidatedBeforeItIsKeptAndTheEditsDiffIsAudited() throws Exception {
		ExceptionDeskChecks.aCandidateIsValidatedBeforeItIsKeptAndTheEditsDiffIsAudited(runtime);
	}

	@Test
	void aBadCatalogRowIsEditedValidatedAndResubmittedWithItsHistoryKept() throws Exception {
		harborMasterDataAndPo();
		String good = Files.readString(demo("samples/boltco-catalog.csv"));
		String bad = good.replace(",36.9609,", ",36,96O9,"); // a typo that also shifts the columns
		SubmitResult first = runtime.submit("boltco", null, "boltco-catalog.csv", bad.getBytes(StandardCharsets.UTF_8));
		assertEquals("PARTIAL", first.status());
		ExceptionSummary error = runtime.exceptions(ExceptionQuery.open().ofKind("MAPPING_ERROR")).items().get(0);
		assertTrue(error.location().startsWith("boltco-catalog.csv line 2"), error.location());

		ValidationReport before = runtime.validate(error.id());
		assertFalse(before.valid());
		assertTrue(before.problems().get(0).contains("line 2"), before.problems().toString());

		BulkResult dry = runtime.retry(List.of(error.id()), true);
		assertEquals(1, dry.count("WOULD_FAIL"));
		int journalBefore = runtime.journal(JournalQuery.all()).items().size();

		runtime.editPayload(error.id(), good.getBytes(StandardCharsets.UTF_8), "fixed the cost typo of BC-001000");
		ExceptionDetail edited = runtime.exception(error.id());
		assertTrue(edited.payloadEdited());
		assertEquals(good, new String(edited.payload(), StandardCharsets.UTF_8));
		assertTrue(runtime.validate(error.id()).valid());
		assertEquals(1, runtime.retry(List.of(error.id()), true).count("WOULD_APPLY"));
		assertEquals(journalBefore, runtime.journal(JournalQuery.all()).items().size(), "a dry run submits nothing");
		assertEquals("OPEN", runtime.exception(error.id()).exception().state());

		SubmitResult again = runtime.resubmit(error.id(), null);
		assertEquals("APPLIED", again.status(), again.problems().toString());
		ExceptionDetail after = runtime.exception(error.id());
		assertEquals("RESOLVED", after.exception().state());
		assertTrue(after.history().stream().anyMatch(e -> e.reason() != null
				&& e.reason().contains("resubmitted as message " + again.messageId())), after.history().toString());
		MessageSummary resubmitted = runtime.journal(JournalQuery.all().after(again.messageId() - 1).pageSize(1))
				.items().get(0);
		assertEquals(Long.valueOf(first.messageId()), resubmitted.resubmitOf());
		assertArrayEquals(bad.getBytes(StandardCharsets.UTF_8), runtime.payload(first.messageId()),
				"the original bytes stay in the journal");
		awaitEvent(e -> e.type() == RuntimeEvent.Type.EXCEPTION_CHANGED && e.exceptionId() == error.id()
				&& "RESOLVED".equals(e.status()));
	}

	@Test
	void anInvalidEdiDocumentReachesItsWorkflowAndItsErrorsAreQueuedWhereTheyAre() throws Exception {
		harborMasterDataAndPo();
		String bad = Files.readString(demo("samples/edi/acme-855-po-ack.edi")).replace("ACK*IA*5000", "ACK*XX*5000");
		SubmitResult result = runtime.submit("acme", null, "855-bad.edi", bad.getBytes(StandardCharsets.US_ASCII));
		assertEquals("855", result.documentType(), "told by its ST01, invalid as it is");
		assertEquals("FAILED", result.status());
		assertEquals(Long.valueOf(1), result.outcomes().get("997_SENT"), "Acme is told in a 997");
		ExceptionSummary error = runtime.exceptions(ExceptionQuery.open().ofKind("MAPPING_ERROR")).items().get(0);
		assertTrue(error.location().contains("855-bad.edi") && error.location().contains("element ACK01"),
				error.location());
		assertTrue(error.detail().contains("not a valid code ('XX')"), error.detail());
	}

	@Test
	void aDocumentWithoutARouteIsKeptAndQueued() throws Exception {
		SubmitResult result = runtime.submit("bigbox", "catalog", "bigbox-catalog.csv",
				"sku,cost\nX,1\n".getBytes(StandardCharsets.UTF_8));
		assertEquals("FAILED", result.status());
		assertEquals(1L, result.outcomes().get("NO_ROUTE"));
		ExceptionSummary noRoute = runtime.exceptions(ExceptionQuery.open().ofKind("NO_ROUTE")).items().get(0);
		assertEquals(Long.valueOf(result.messageId()), noRoute.messageId());
		assertEquals("sku,cost\nX,1\n", new String(runtime.payload(result.messageId()), StandardCharsets.UTF_8));
		assertEquals(1, runtime.retry(List.of(noRoute.id()), true).count("WOULD_FAIL"));
	}

	@Test
	void theStatusCountsTheTenantsJournalAndOpenExceptions() throws Exception {
		harborMasterDataAndPo();
		submit("acme", "samples/edi/acme-855-po-ack.edi");
		RuntimeStatus status = runtime.status();
		assertEquals("harbor", status.tenantId());
		assertEquals(1, status.tenants());
		assertEquals(runtime.journal(JournalQuery.all()).items().size(), status.journalSize());
		assertEquals(runtime.exceptions(ExceptionQuery.open()).items().size(), status.openExceptions());
		assertTrue(status.openExceptions() > 0, "the price change waits");
		assertNotNull(status.version());
		assertTrue(!status.startedAt().isAfter(java.time.Instant.now()));
	}

	@Test
	void aSubscriberThatReconnectsGetsWhatItMissedOnceAndInOrder() throws Exception {
		harborMasterDataAndPo();
		RuntimeEvent last = awaitEvent(e -> e.type() == RuntimeEvent.Type.MESSAGE_APPLIED
				&& "purchase-orders".equals(e.documentType()));
		subscription.close();
		long seen = events.stream().mapToLong(RuntimeEvent::id).max().orElseThrow();
		assertTrue(seen >= last.id());
		submit("boltco", "samples/boltco-catalog.csv");
		List<RuntimeEvent> resumed = new CopyOnWriteArrayList<>();
		subscription = runtime.subscribe(seen, resumed::add);
		Harbor.awaitEvent(resumed, e -> e.type() == RuntimeEvent.Type.MESSAGE_APPLIED
				|| e.type() == RuntimeEvent.Type.MESSAGE_FAILED);
		List<Long> ids = resumed.stream().map(RuntimeEvent::id).toList();
		assertEquals(seen + 1, ids.get(0), "resumes right after the last id seen: " + ids);
		for (int i = 1; i < ids.size(); i++) {
			assertEquals(ids.get(i - 1) + 1, ids.get(i), "none missed, none twice: " + ids);
		}
		assertTrue(resumed.stream().anyMatch(e -> "boltco".equals(e.partnerId())), resumed.toString());
	}

	@Test
	void aTenantMadeFromTheHarborTemplateHasItsFlowsMappingsAndRulesAndNoneOfItsData() throws Exception {
		harborMasterDataAndPo();
		runtime.setTenantRule("atp.reserve.EDI", "30", "retail contracts");
		NewTenant northstar = new NewTenant("northstar", "Northstar Industrial", "harbor", "ZZ:NORTHSTAR",
				"onboarding the next distributor");
		assertThrows(AccessDeniedException.class, () -> runtime.createTenant(northstar),
				"an ADMIN of one tenant does not make tenants");
		try (IntegrationRuntime partnerAdmin = connect("pat", Role.ADMIN, null)) {
			Tenant created = partnerAdmin.createTenant(northstar);
			assertEquals("ZZ:NORTHSTAR", created.interchangeId());
			assertEquals("harbor", created.template());
			assertEquals(Set.of("harbor", "northstar"),
					partnerAdmin.tenants().stream().map(Tenant::tenantId).collect(java.util.stream.Collectors.toSet()));
			IntegrationRuntime copy = partnerAdmin.forTenant("northstar");
			assertEquals("northstar", copy.tenantId());
			PartnerConfig acme = copy.partners().stream().filter(p -> p.partnerId().equals("acme")).findFirst()
					.orElseThrow();
			assertEquals("ZZ:NORTHSTAR>ZZ:ACMEFAST", acme.x12Envelope(), "envelopes send from the new tenant");
			assertEquals(runtime.partners().size(), copy.partners().size());
			assertEquals(1, copy.mappingVersions("acme-855-po-ack").size(), "the published mappings are copied");
			assertEquals("30", copy.tenantRules().get("atp.reserve.EDI"), "and the rules");
			assertTrue(copy.journal(JournalQuery.all()).items().isEmpty(), "but none of the template's messages");
			assertTrue(copy.document(BusinessDocument.Type.PO, "PO-45001").isEmpty(), "nor its documents");
			assertThrows(IllegalStateException.class, () -> partnerAdmin.createTenant(northstar), "an id is taken once");
		}
		assertEquals(List.of("harbor"), runtime.tenants().stream().map(Tenant::tenantId).toList(),
				"a harbor token sees harbor only");
		assertThrows(NotFoundException.class, () -> runtime.forTenant("northstar"));
		runtime.submit("wms", null, "stray.bin", "not a known file".getBytes(StandardCharsets.UTF_8));
		ExceptionSummary harborException = runtime.exceptions(ExceptionQuery.open()).items().get(0);
		try (IntegrationRuntime nora = connect("nora", Role.ADMIN, "northstar")) {
			long harborMessage = runtime.journal(JournalQuery.all()).items().get(0).id();
			nora.submit("wms", null, "stray.bin", "not a known file".getBytes(StandardCharsets.UTF_8));
			long own = nora.exceptions(ExceptionQuery.open()).items().get(0).id();
			NotFoundException foreign = assertThrows(NotFoundException.class,
					() -> nora.retry(List.of(own, harborException.id()), false), "a batch with a foreign id");
			assertTrue(foreign.getMessage().contains(String.valueOf(harborException.id())), foreign.getMessage());
			assertEquals(0, nora.exception(own).exception().attempts(), "and nothing of it was retried");
			assertEquals(0, runtime.exception(harborException.id()).exception().attempts());
			assertThrows(NotFoundException.class, () -> nora.payload(harborMessage), "another tenant's message");
			assertTrue(nora.trace("PO-45001").isEmpty(), "another tenant's business key");
			assertTrue(nora.document(BusinessDocument.Type.PO, "PO-45001").isEmpty());
		}
	}

	@Test
	void theJournalPagesByKeysetWithoutGapsOrRepeats() throws Exception {
		harborMasterDataAndPo();
		submit("wms", "samples/wms-atl-snapshot.xml");
		submit("wms", "samples/wms-events.jsonl");
		submit("acme", "samples/edi/acme-846-inventory-advice.edi");
		List<Long> all = runtime.journal(JournalQuery.all()).items().stream().map(MessageSummary::id).toList();
		assertTrue(all.size() >= 6, all.toString());
		List<Long> paged = new ArrayList<>();
		Page<MessageSummary> page = runtime.journal(JournalQuery.all().pageSize(2));
		paged.addAll(page.items().stream().map(MessageSummary::id).toList());
		while (page.hasNext()) {
			page = runtime.journal(JournalQuery.all().pageSize(2).after(page.nextAfter()));
			paged.addAll(page.items().stream().map(MessageSummary::id).toList());
		}
		assertEquals(all, paged);
		Set<Long> unique = new HashSet<>(paged);
		assertEquals(paged.size(), unique.size());
		List<Long> newest = new ArrayList<>();
		page = runtime.journal(JournalQuery.all().newestFirst().pageSize(2));
		newest.addAll(page.items().stream().map(MessageSummary::id).toList());
		while (page.hasNext()) {
			page = runtime.journal(JournalQuery.all().newestFirst().pageSize(2).after(page.nextAfter()));
			newest.addAll(page.items().stream().map(MessageSummary::id).toList());
		}
		List<Long> reversed = new ArrayList<>(all);
		java.util.Collections.reverse(reversed);
		assertEquals(reversed, newest, "newest first, page by page, is the journal backwards");
		assertEquals(2, runtime.journal(JournalQuery.all().withFlow("inventory").withDirection("IN")
				.withPartner("wms")).items().size());

		List<FlowMetrics> metrics = runtime.metrics(60);
		FlowMetrics inventory = metrics.stream().filter(m -> m.flow().equals("inventory")).findFirst().orElseThrow();
		assertEquals(3, inventory.messages());
		assertTrue(inventory.p95Millis() >= inventory.p50Millis());

		var series = runtime.metricsSeries(60, 5);
		assertEquals(3, series.stream().filter(p -> p.flow().equals("inventory")).mapToLong(p -> p.messages()).sum(),
				"the buckets add up to the window: " + series);
		java.time.Instant hourAgo = java.time.Instant.now().minus(java.time.Duration.ofMinutes(61));
		for (var point : series) {
			assertTrue(point.start().isAfter(hourAgo) && point.start().getEpochSecond() % 60 == 0, point.toString());
			assertTrue(point.p95Millis() >= point.p50Millis() && point.failed() <= point.messages(), point.toString());
		}
		assertEquals(metrics.stream().mapToLong(FlowMetrics::failed).sum(),
				series.stream().mapToLong(p -> p.failed()).sum(), "failures counted alike in both");
		var hour = runtime.metricsSeries(60, 60).stream().filter(p -> p.flow().equals("inventory")).toList();
		assertEquals(1, hour.size(), "one bucket of an hour: " + hour);
		long binned = hour.get(0).p95Millis();
		assertEquals(inventory.p95Millis(), binned, "an hour in one bucket has the hour's p95");
		assertThrows(IllegalArgumentException.class, () -> runtime.metricsSeries(60, 0), "a bucket of no minutes");
		assertThrows(IllegalArgumentException.class, () -> runtime.metricsSeries(100_000, 1), "too many buckets");
	}

	@Test
	void aPublishedMappingVersionMapsWhatComesNextAndGarbageIsRefused() throws Exception {
		harborMasterDataAndPo();
		String mapping = Files.readString(demo("mappings/boltco-catalog.synmap"));
		MappingVersion second = runtime.publishMapping("boltco-catalog",
				mapping.replace("Bolt &amp; Co flat-file price catalog", "Bolt catalog, v2 wording")
						.getBytes(StandardCharsets.UTF_8), "wording");
		assertEquals(2, second.version());
		assertEquals(List.of(2, 1), runtime.mappingVersions("boltco-catalog").stream().map(MappingVersion::version).toList());
		SubmitResult catalog = submit("boltco", "samples/boltco-catalog.csv");
		assertEquals(Integer.valueOf(2), runtime.journal(JournalQuery.all().after(catalog.messageId() - 1).pageSize(1))
				.items().get(0).mappingVersion());
		RuntimeFailure garbage = assertThrows(io.syncline.runtime.api.InvalidContentException.class, () -> runtime.publishMapping("boltco-catalog",
				"<not a mapping".getBytes(StandardCharsets.UTF_8), "oops"));
		assertTrue(garbage.getMessage().contains("boltco-catalog"), garbage.getMessage());
		assertEquals(2, runtime.mappingVersions("boltco-catalog").size());
	}

	@Test
	void theMappingsAreListedWithWhatTheyMapAndEachVersionReadsBackAsPublished() throws Exception {
		var boltco = runtime.mappings().stream().filter(m -> m.name().equals("boltco-catalog")).findFirst()
				.orElseThrow(() -> new AssertionError("boltco-catalog is listed: " + runtime.mappings()));
		assertEquals("boltco", boltco.partnerId());
		assertEquals("INBOUND", boltco.direction());
		assertEquals("CSV", boltco.sourceFormat());
		assertEquals("SupplierItem", boltco.target());
		assertEquals(1, boltco.latestVersion());
		assertTrue(runtime.mappings().stream().anyMatch(m -> "OUTBOUND".equals(m.direction())),
				"the outbound ones too: " + runtime.mappings());
		assertEquals(runtime.mappings().stream().map(io.syncline.runtime.api.MappingSummary::name).sorted().toList(),
				runtime.mappings().stream().map(io.syncline.runtime.api.MappingSummary::name).toList(), "by name");

		byte[] second = Files.readString(demo("mappings/boltco-catalog.synmap"))
				.replace("Bolt &amp; Co flat-file price catalog", "Bolt catalog, v2 wording")
				.getBytes(StandardCharsets.UTF_8);
		runtime.publishMapping("boltco-catalog", second, "wording");
		assertArrayEquals(second, runtime.mapping("boltco-catalog", 2), "a version reads back byte for byte");
		assertArrayEquals(Files.readAllBytes(demo("mappings/boltco-catalog.synmap")),
				runtime.mapping("boltco-catalog", 1), "and the first is kept as it was");
		var latest = runtime.mappings().stream().filter(m -> m.name().equals("boltco-catalog")).findFirst()
				.orElseThrow();
		assertEquals(2, latest.latestVersion());
		assertEquals("wording", latest.comment());
		assertThrows(NotFoundException.class, () -> runtime.mapping("boltco-catalog", 9));
		assertThrows(NotFoundException.class, () -> runtime.mapping("no-such-mapping", 1));
	}

	@Test
	void aRecordThatMeetsALockIsRetriedWithBackoffAndLaterRecordsOfItsKeyWait() throws Exception {
		harborMasterDataAndPo();
		submit("wms", "samples/wms-atl-snapshot.xml");
		String first = "{\"eventId\": \"r-1\", \"type\": \"RECEIPT\", \"item\": \"HS-001000\", \"warehouse\": \"ATL\", "
				+ "\"qty\": 10, \"uom\": \"EA\", \"at\": \"2026-11-26T10:00:00Z\"}\n"
				+ "{\"eventId\": \"r-2\", \"type\": \"RECEIPT\", \"item\": \"HS-001001\", \"warehouse\": \"ATL\", "
				+ "\"qty\": 5, \"uom\": \"BX\", \"at\": \"2026-11-26T10:00:01Z\"}\n";
		String second = "{\"eventId\": \"r-3\", \"type\": \"RECEIPT\", \"item\": \"HS-001000\", \"warehouse\": \"ATL\", "
				+ "\"qty\": 7, \"uom\": \"EA\", \"at\": \"2026-11-26T10:00:02Z\"}\n";
		SubmitResult held;
		SubmitResult behind;
		java.time.Instant before = java.time.Instant.now();
		// another session holds the HS-001000 position at ATL, longer than the store waits for a lock
		try (var locker = store.connection(); var lock = locker.prepareStatement(
				"SELECT on_hand FROM inventory_positions WHERE tenant_id = 'harbor' AND item_number = 'HS-001000' "
						+ "AND warehouse = 'ATL' FOR UPDATE")) {
			lock.executeQuery().close();
			held = runtime.submit("wms", null, "first.jsonl", first.getBytes(StandardCharsets.UTF_8));
			behind = runtime.submit("wms", null, "second.jsonl", second.getBytes(StandardCharsets.UTF_8));
			locker.rollback();
		}
		assertEquals("PARKED", held.status(), held.toString());
		assertEquals(1L, held.outcomes().get("RETRY"));
		assertEquals(1L, held.outcomes().get("APPLIED"), "the other key's record went on");
		assertEquals(1L, behind.outcomes().get("PARKED"), "a later record of the waiting key is held back: " + behind);
		ExceptionSummary retry = runtime.exceptions(ExceptionQuery.open().ofKind("RETRY")).items().get(0);
		assertEquals("RETRYING", retry.state());
		assertEquals(1, retry.attempts());
		// scheduled from the moment of the failure (when the exception was opened), not from the wall clock here
		long wait = java.time.Duration.between(retry.createdAt(), retry.nextRetryAt()).toMillis();
		assertTrue(wait >= 1500 && wait <= 2600, "first retry after 2 s ± 25 %: " + wait + " ms");
		assertTrue(retry.createdAt().isAfter(before), "opened by this submit");

		List<SubmitResult> retried = root.operations().retryDue(java.time.Instant.now().plusSeconds(3600));

		assertEquals(List.of(held.messageId(), behind.messageId()),
				retried.stream().map(SubmitResult::messageId).toList(), "the waiting message first, then the one behind");
		assertTrue(retried.stream().allMatch(r -> r.status().equals("APPLIED")), retried.toString());
		assertTrue(runtime.exceptions(ExceptionQuery.open()).items().stream()
				.noneMatch(e -> e.kind().equals("RETRY") || e.kind().equals("PARKED")));
		List<String> events = runtime.explainAtp("HS-001000", "ATL").changes().stream()
				.filter(c -> c.cause().equals("EVENT")).map(c -> c.reference()).toList();
		assertEquals(List.of("r-1", "r-3"), events, "records of one key applied in the order they came");
		assertTrue(root.operations().retryDue(java.time.Instant.now().plusSeconds(7200)).isEmpty(), "nothing is due twice");
	}

	@Test
	void countingStockOnItsWayIsARuleAndItsEffectIsExplained() throws Exception {
		harborMasterDataAndPo();
		runtime.submit("wms", null, "receipt.jsonl", ("{\"eventId\": \"rule-1\", \"type\": \"RECEIPT\", "
				+ "\"item\": \"HS-100101\", \"warehouse\": \"ATL\", \"qty\": 3000, \"uom\": \"EA\", "
				+ "\"at\": \"2026-11-26T09:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8));
		submit("acme", "samples/edi/acme-855-po-ack.edi");
		submit("acme", "samples/edi/acme-856-asn.edi"); // 5000 EA AF-HX-0616 (HS-100101) on its way to ATL
		// 3000 on hand − 2000 safety stock (erp-items-acme.csv)
		assertEquals(0, new java.math.BigDecimal("1000").compareTo(runtime.explainAtp("HS-100101", "ATL").atp()));
		assertThrows(IllegalArgumentException.class,
				() -> runtime.setTenantRule("atp.inTransit", "maybe", "try"), "a bad value is refused");
		assertThrows(IllegalArgumentException.class,
				() -> runtime.setTenantRule("atp.reserve.EDI", "60", " "), "a rule change needs a reason");

		int moved = runtime.setTenantRule("atp.inTransit", "true", "promise what Acme has shipped");

		assertTrue(moved >= 1, "positions whose ATP the rule moved: " + moved);
		assertEquals(Map.of("atp.inTransit", "true"), runtime.tenantRules());
		var explained = runtime.explainAtp("HS-100101", "ATL");
		assertEquals(0, new java.math.BigDecimal("6000").compareTo(explained.atp()), explained.toString());
		var last = explained.changes().get(explained.changes().size() - 1);
		assertEquals("RULE", last.cause());
		assertEquals(0, new java.math.BigDecimal("1000").compareTo(last.before()));
		assertEquals(0, new java.math.BigDecimal("6000").compareTo(last.after()));
		assertTrue(last.detail().contains("ana") && last.detail().contains("promise what Acme has shipped"), last.detail());
		assertEquals(0, runtime.setTenantRule("atp.inTransit", "true", "again"), "the same rule moves nothing");
	}

	@Test
	void retentionIsATenantRuleWithDefaultsThatTheStatusShows() throws Exception {
		var retention = runtime.status().retention();
		assertEquals(Map.of("retention.payloads", "P90D", "retention.journal", "P400D", "retention.exceptions", "P400D",
				"retention.idempotencyKeys", "P400D", "retention.audit", "P7Y"), retention.policy());
		assertEquals(null, retention.lastPurgeAt(), "nothing was purged yet");
		assertThrows(IllegalArgumentException.class,
				() -> runtime.setTenantRule("retention.journal", "400 days", "try"), "a bad period is refused");
		assertThrows(IllegalArgumentException.class,
				() -> runtime.setTenantRule("retention.everything", "P1D", "try"), "an unknown retention rule is refused");

		runtime.setTenantRule("retention.payloads", "P30D", "payloads are in the ERP's archive");
		runtime.setTenantRule("retention.audit", "never", "the auditors keep everything");

		var policy = runtime.status().retention().policy();
		assertEquals("P30D", policy.get("retention.payloads"));
		assertEquals("never", policy.get("retention.audit"));
		assertEquals("P400D", policy.get("retention.journal"));
		assertEquals("P30D", runtime.tenantRules().get("retention.payloads"));
		var audited = runtime.audit(new io.syncline.runtime.api.AuditQuery(null, "set-rule", "rule/retention.payloads",
				null, null, 0, 10)).items();
		assertEquals(1, audited.size());
		assertEquals("payloads are in the ERP's archive", audited.get(0).reason());
	}

}
