package io.syncline.runtime.local.tests;

import io.syncline.testing.Harbor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;

/**
 * A purchase order from the ERP leaves as an 850 to its supplier: rendered through the supplier's 850 route,
 * enveloped with its profile and the database's control numbers, journaled with its PO key and delivered to the
 * supplier's outbox. Acme's 997 for it is linked to it. Sent again unchanged it sends nothing; changed, it is held as
 * a PO_CHANGE naming the lines; a supplier without an 850 route leaves it waiting. Run on H2 and on PostgreSQL.
 */
abstract class PurchaseOrderContract {

	@TempDir
	Path data;

	protected Store store;
	private LocalRuntime runtime;

	protected abstract Store open() throws Exception;

	@BeforeEach
	void start() throws Exception {
		store = open();
		runtime = LocalRuntime.over(store, LocalSettings.harbor(data, Harbor.demo("mappings")));
	}

	@AfterEach
	void stop() {
		runtime.close();
		store.close();
	}

	private List<Path> outbox(String partner, String prefix) throws Exception {
		Path folder = data.resolve("outbox").resolve(partner);
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
		}
	}

	/** The transaction sets of an interchange, read and validated by our own reader. */
	private static List<Node> read(byte[] x12, List<String> problems) throws Exception {
		List<Node> sets = new ArrayList<>();
		try (RecordReader reader = Formats.open(new ByteArrayInputStream(x12), "850.edi",
				SourceOptions.of(SourceFormat.X12), problem -> problems.add(problem.describe()))) {
			Node set;
			while ((set = reader.next()) != null) {
				sets.add(set);
			}
		}
		return sets;
	}

	private SubmitResult submitPo(String xmi) {
		return runtime.submit("erp", null, "po.xmi", xmi.getBytes(StandardCharsets.UTF_8));
	}

	private static String po45001() throws Exception {
		return Files.readString(Harbor.demo("canonical/po-45001.xmi"));
	}

	@Test
	void po45001LeavesAsAValid850ToAcmeAndAcmesAcknowledgmentIsLinkedToIt() throws Exception {
		Harbor.masterDataAndPo(runtime);

		List<MessageSummary> sent = runtime.journal(JournalQuery.all().withPartner("acme").withDocumentType("850")
				.withDirection("OUT")).items();
		assertEquals(1, sent.size(), "one 850 out");
		assertEquals("PO-45001", sent.get(0).businessKeys().get("PO"));
		assertEquals("SENT", sent.get(0).status(), "delivered to the outbox");
		List<Path> files = outbox("acme", "850-PO-45001");
		assertEquals(1, files.size(), "in Acme's outbox");
		byte[] x12 = Files.readAllBytes(files.get(0));
		List<String> problems = new ArrayList<>();
		List<Node> sets = read(x12, problems);
		assertEquals(List.of(), problems, "valid against the 850 schema");
		assertEquals(1, sets.size());
		String text = new String(x12, StandardCharsets.US_ASCII);
		assertTrue(text.startsWith("ISA*00*          *00*          *ZZ*HARBORSUPPLY   *ZZ*ACMEFAST       *"), text);
		assertTrue(text.contains("BEG*00*SA*PO-45001**20261120~") && text.contains("PO1*1*5000*EA*0.0825*"), text);
		assertEquals("SENT", runtime.document(BusinessDocument.Type.PO, "PO-45001").orElseThrow().status());

		// Acme's 997 for our group, from its own envelope
		String group = sets.get(0).location().group();
		String set = sets.get(0).location().transaction();
		String body = "ST*997*0001~AK1*PO*" + group + "~AK2*850*" + set + "~AK5*A~AK9*A*1*1*1~";
		String ack = "ISA*00*          *00*          *ZZ*ACMEFAST       *ZZ*HARBORSUPPLY   *261121*0900*U*00401*000000301*0*P*>~"
				+ "GS*FA*ACMEFAST*HARBORSUPPLY*20261121*0900*301*X*004010~" + body + "SE*6*0001~GE*1*301~IEA*1*000000301~";
		SubmitResult acknowledged = runtime.submit("acme", null, "acme-997.edi", ack.getBytes(StandardCharsets.US_ASCII));
		assertEquals("APPLIED", acknowledged.status(), acknowledged.problems().toString());
		assertEquals(1L, acknowledged.outcomes().get("GROUP_ACCEPTED"));

		Harbor.submit(runtime, "acme", "samples/edi/acme-855-po-ack.edi");
		Harbor.submit(runtime, "acme", "samples/edi/acme-856-asn.edi");
		Harbor.submit(runtime, "acme", "samples/edi/acme-810-invoice.edi");
		List<String> trace = runtime.trace("PO-45001").stream().map(m -> m.direction() + " " + m.documentType()).toList();
		assertEquals(List.of("IN purchase-orders", "OUT 850", "IN 997", "IN 855", "IN 856", "IN 810"), trace);
		List<String> ours = runtime.journal(JournalQuery.all().withPartner("acme").withDocumentType("997")
				.withDirection("OUT")).items().stream().map(MessageSummary::documentType).toList();
		assertEquals(3, ours.size(), "our 997s for Acme's 855, 856 and 810, none for its 997");
	}

	@Test
	void aPoSentAgainUnchangedSendsNothingAndAChangedOneIsHeldNamingTheLines() throws Exception {
		Harbor.masterDataAndPo(runtime);

		SubmitResult again = submitPo(po45001());
		assertEquals(1L, again.outcomes().get("ALREADY_SENT"), again.outcomes().toString());
		assertEquals("APPLIED", again.status());
		assertEquals(1, outbox("acme", "850-").size(), "nothing sent twice");

		SubmitResult changed = submitPo(po45001().replace("<quantity value=\"200\" uom=\"BX\"/>",
				"<quantity value=\"250\" uom=\"BX\"/>").replace("amount=\"0.2150\"", "amount=\"0.2200\""));
		assertEquals(1L, changed.outcomes().get("PO_CHANGE"), changed.outcomes().toString());
		assertEquals(1, outbox("acme", "850-").size(), "a change is not sent as a new order");
		ExceptionSummary change = runtime.exceptions(ExceptionQuery.open().ofKind("PO_CHANGE")).items().get(0);
		assertEquals("PO:PO-45001", change.businessKey());
		assertTrue(change.detail().contains("line 2 quantity 200 BX → 250 BX")
				&& change.detail().contains("line 3 unit price 0.215 → 0.22")
				&& change.detail().contains("(860) are not sent yet"), change.detail());
	}

	@Test
	void aSupplierWithoutAn850RouteLeavesThePoWaitingUntilItHasOne() throws Exception {
		Harbor.masterDataAndPo(runtime);
		String toBolt = po45001().replace("partnerId=\"acme\" name=\"Acme Fasteners Inc\"",
				"partnerId=\"boltco\" name=\"Bolt &amp; Co\"").replace("PO-45001", "PO-45077");

		SubmitResult waiting = submitPo(toBolt);
		assertEquals(1L, waiting.outcomes().get("WAITING_FOR_ROUTE"), waiting.outcomes().toString());
		assertEquals("FAILED", waiting.status());
		assertEquals("DRAFT", runtime.document(BusinessDocument.Type.PO, "PO-45077").orElseThrow().status());
		ExceptionSummary noRoute = runtime.exceptions(ExceptionQuery.open().ofKind("NO_ROUTE")).items().get(0);
		assertTrue(noRoute.detail().startsWith("PO-45077 waits as DRAFT: supplier 'boltco' has no 850 route out"),
				noRoute.detail());
		assertEquals(List.of(), outbox("boltco", "850-"));

		PartnerConfig bolt = runtime.partners().stream().filter(p -> p.partnerId().equals("boltco")).findFirst()
				.orElseThrow();
		List<PartnerConfig.Flow> flows = new ArrayList<>(bolt.flows());
		flows.add(new PartnerConfig.Flow("purchase-orders", "850", "OUT", "OUTBOUND_DOCUMENT", "po-850-outbound"));
		runtime.savePartner(new PartnerConfig("boltco", bolt.name(), "ZZ:HARBORSUPPLY>ZZ:BOLTCO", flows),
				"Bolt & Co takes 850s now");
		SubmitResult resubmitted = runtime.resubmit(noRoute.id(), null);

		assertEquals(1L, resubmitted.outcomes().get("SENT"), resubmitted.outcomes().toString());
		assertEquals("SENT", runtime.document(BusinessDocument.Type.PO, "PO-45077").orElseThrow().status());
		List<Path> files = outbox("boltco", "850-PO-45077");
		assertEquals(1, files.size());
		assertTrue(Files.readString(files.get(0)).contains("*ZZ*BOLTCO         *"), "enveloped to Bolt & Co");
		assertNull(runtime.exceptions(ExceptionQuery.open().ofKind("NO_ROUTE")).items().stream()
				.filter(e -> e.id() == noRoute.id()).findFirst().orElse(null), "the exception resolved");
	}
}
