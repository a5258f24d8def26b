package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline-testing commands of the installed runtime, on the demo content it ships. */
class RuntimeCliProductTest {

	@TempDir
	Path dir;

	private final Path product = ProductProcess.productDir("syncline.runtime.product");

	private Path demo() throws IOException {
		try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
			return plugins.filter(p -> p.getFileName().toString().startsWith("io.syncline.demo_") && Files.isDirectory(p))
					.findFirst().orElseThrow(() -> new AssertionError("the demo bundle ships as a folder"));
		}
	}

	private ProductProcess run(String name, String... args) throws IOException {
		String[] all = new String[args.length + 2];
		all[0] = "--data";
		all[1] = dir.resolve("data").toString();
		System.arraycopy(args, 0, all, 2, args.length);
		return ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve(name + ".log"), all);
	}

	@Test
	void shippedGoldenCasesAllPass() throws Exception {
		try (ProductProcess cli = run("test", "test", demo().resolve("golden").toString())) {
			int exit = cli.awaitExit(Duration.ofSeconds(120));
			String output = cli.output();
			assertEquals(0, exit, output);
			assertTrue(output.contains("PASS po-850-outbound") && output.contains("PASS acme-856-asn"), output);
			assertTrue(output.contains(" 0 failed"), output);
		}
	}

	@Test
	void validateNamesTheSegmentAndElementAndExitsOne() throws Exception {
		Path bad = dir.resolve("855-bad.edi");
		Files.writeString(bad, Files.readString(demo().resolve("samples/edi/acme-855-po-ack.edi"))
				.replace("ACK*IB*150*BX*068*20261209", "ACK*IB*150*BX*068*20261309"));
		try (ProductProcess cli = run("validate", "validate", bad.toString())) {
			assertEquals(1, cli.awaitExit(Duration.ofSeconds(90)));
			String output = cli.output();
			assertTrue(output.contains("855-bad.edi line 9") && output.contains("element ACK05"), output);
			assertTrue(output.contains("not a valid date (CCYYMMDD) ('20261309')"), output);
			assertTrue(!output.contains("Exception"), output);
		}
	}

	@Test
	void mapWritesCanonicalJsonAndInferPrintsTheTree() throws Exception {
		Path out = dir.resolve("items.json");
		try (ProductProcess cli = run("map", "map", "--mapping", demo().resolve("mappings/boltco-catalog.synmap").toString(),
				"--input", demo().resolve("samples/boltco-catalog.csv").toString(), "--output", out.toString())) {
			assertEquals(0, cli.awaitExit(Duration.ofSeconds(90)), cli.output());
			assertTrue(cli.output().contains("12 mapped, 0 failed"), cli.output());
		}
		String json = Files.readString(out);
		assertTrue(json.contains("\"supplierSku\" : \"BC-001011\"") && json.contains("\"item\" : \"HS-001011\""), json);
		try (ProductProcess cli = run("infer", "infer", demo().resolve("samples/edi/acme-856-asn.edi").toString())) {
			assertEquals(0, cli.awaitExit(Duration.ofSeconds(90)));
			assertTrue(cli.output().contains("SN102  decimal  Number of Units Shipped"), cli.output());
		}
	}

	@Test
	void ingestThenAskForAtpAndItsCausesFromTheShell() throws Exception {
		Path samples = demo().resolve("samples");
		try (ProductProcess cli = run("ingest-erp", "ingest", "--partner", "erp", samples.resolve("erp-items.csv").toString(),
				samples.resolve("erp-items-acme.csv").toString())) {
			assertEquals(0, cli.awaitExit(Duration.ofSeconds(120)), cli.output());
			assertTrue(cli.output().contains("\"ITEM\" : 12") && cli.output().contains("\"ITEM\" : 5"), cli.output());
		}
		try (ProductProcess cli = run("ingest-wms", "ingest", "--partner", "wms",
				samples.resolve("wms-atl-snapshot.xml").toString(), samples.resolve("wms-events.jsonl").toString())) {
			assertEquals(0, cli.awaitExit(Duration.ofSeconds(120)), cli.output());
			assertTrue(cli.output().contains("\"DUPLICATE\" : 1"), "the repeated event applies once:\n" + cli.output());
		}
		try (ProductProcess cli = run("atp", "atp", "HS-001000", "ATL", "--explain")) {
			assertEquals(0, cli.awaitExit(Duration.ofSeconds(90)), cli.output());
			String output = cli.output();
			// 497 on hand − 72 allocated − 2 damaged − 200 safety stock; no WMS event touched HS-001000 at ATL
			assertTrue(output.contains("\"atp\" : \"223\""), output);
			assertTrue(output.contains("\"cause\" : \"SNAPSHOT\""), output);
		}
		try (ProductProcess cli = run("exceptions", "exceptions", "--open")) {
			assertEquals(0, cli.awaitExit(Duration.ofSeconds(90)), cli.output());
			assertTrue(cli.output().strip().endsWith("[ ]"), "nothing waits for a person:\n" + cli.output());
		}
	}

	private String runOk(String name, String... args) throws Exception {
		try (ProductProcess cli = run(name, args)) {
			int exit = cli.awaitExit(Duration.ofSeconds(120));
			assertEquals(0, exit, cli.output());
			return cli.output();
		}
	}

	@Test
	void purchaseOrderLifecycleFromTheShellWithAPersonsDecision() throws Exception {
		Path samples = demo().resolve("samples");
		runOk("po-items", "ingest", "--partner", "erp", samples.resolve("erp-items-acme.csv").toString(),
				demo().resolve("canonical/po-45001.xmi").toString());
		// PO-45001 left as an 850 to Acme, which an independent parser accepts; Acme's 997 for it is linked to it
		Path sent850;
		try (var files = Files.list(dir.resolve("data/outbox/acme"))) {
			sent850 = files.filter(p -> p.getFileName().toString().startsWith("850-PO-45001")).findFirst()
					.orElseThrow(() -> new AssertionError("no 850 in Acme's outbox"));
		}
		String read = NodeX12.read(sent850);
		assertTrue(read.contains("\"receiver\":\"ACMEFAST\"") && read.contains("\"set\":\"850\"")
				&& read.contains("\"beg03\":\"PO-45001\""), read);
		String group = read.replaceAll("(?s).*\"group\":\"(\\d+)\".*", "$1").strip();
		String control = read.replaceAll("(?s).*\"control\":\"(\\d+)\".*", "$1").strip();
		Path ack = dir.resolve("acme-997-for-850.edi");
		Files.writeString(ack, "ISA*00*          *00*          *ZZ*ACMEFAST       *ZZ*HARBORSUPPLY   *261121*0900*U*00401*"
				+ "000000301*0*P*>~GS*FA*ACMEFAST*HARBORSUPPLY*20261121*0900*301*X*004010~ST*997*0001~AK1*PO*" + group
				+ "~AK2*850*" + control + "~AK5*A~AK9*A*1*1*1~SE*6*0001~GE*1*301~IEA*1*000000301~");
		String acknowledged = runOk("po-997", "ingest", "--partner", "acme", ack.toString());
		assertTrue(acknowledged.contains("\"GROUP_ACCEPTED\" : 1"), acknowledged);
		String acme = runOk("po-acme", "ingest", "--partner", "acme", samples.resolve("edi/acme-855-po-ack.edi").toString(),
				samples.resolve("edi/acme-856-asn.edi").toString(), samples.resolve("edi/acme-810-invoice.edi").toString());
		assertTrue(acme.contains("\"MISMATCH\" : 1"), "the invoice cannot match while the price change is open:\n" + acme);
		String open = runOk("po-exceptions", "exceptions", "--open");
		assertTrue(open.contains("\"kind\" : \"PRICE_CHANGE\"") && open.contains("(+6.5 %)"), open);
		String priceChangeId = open.substring(open.indexOf("\"id\" : ") + 7, open.indexOf(",", open.indexOf("\"id\" : ")));
		String decided = runOk("po-resolve", "resolve", priceChangeId.strip(), "accept", "--reason", "Acme contract update 14");
		assertTrue(decided.contains("\"by\" : \"" + System.getProperty("user.name") + "\""),
				"a local command acts as the operating-system user:\n" + decided);
		String again = runOk("po-invoice", "ingest", "--partner", "acme", samples.resolve("edi/acme-810-invoice.edi").toString());
		assertTrue(again.contains("\"MATCHED\" : 1"), again);
		String po = runOk("po-show", "show", "po", "PO-45001");
		assertTrue(po.contains("\"status\" : \"INVOICED\"") && po.contains("\"backorderDate\" : \"2026-12-09\""), po);
		String asn = runOk("po-asn", "show", "asn", "ASN-88001");
		assertTrue(asn.contains("\"trackingNumber\" : \"1Z999AA10123456784\"") && asn.contains("\"warehouse\" : \"ATL\""), asn);
		String invoice = runOk("po-810", "show", "invoice", "INV-7781");
		assertTrue(invoice.contains("\"status\" : \"MATCHED\"") && invoice.contains("\"total\" : 1261.50"), invoice);
		String trace = runOk("po-trace", "trace", "PO-45001");
		for (String document : new String[] { "purchase-orders", "850", "997", "855", "856", "810" }) {
			assertTrue(trace.contains("\"documentType\" : \"" + document + "\""), trace);
		}
		List<String> acks;
		try (var files = Files.list(dir.resolve("data/outbox/acme"))) {
			acks = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("997-")).sorted().toList();
		}
		assertEquals(4, acks.size(), "one 997 per group received (855, 856, 810 and the re-sent 810), none for the 810 matched again inside the runtime: " + acks);
		assertTrue(acks.stream().anyMatch(n -> n.startsWith("997-PR-203-")), acks.toString());
	}

	@Test
	void anSlaRuleOfAFewSecondsBreachesForRealAndALateReplyClosesItLate() throws Exception {
		Path samples = demo().resolve("samples");
		runOk("sla-rule", "rules", "sla.acme.850.855", "PT3S", "--reason", "a test of the SLA clock");
		runOk("sla-po", "ingest", "--partner", "erp", samples.resolve("erp-items-acme.csv").toString(),
				demo().resolve("canonical/po-45001.xmi").toString());
		Thread.sleep(3_500); // the 850 was journaled before the ingest ended: its clock has run out by now
		String breached = runOk("sla-breached", "sla", "--breached", "--partner", "acme");
		assertTrue(breached.contains("\"state\" : \"BREACHED\"") && breached.contains("\"replyType\" : \"855\""),
				breached);
		assertTrue(breached.contains("\"breached\" : 1"), "breached by this check: " + breached);
		String exceptions = runOk("sla-exceptions", "exceptions", "--open");
		assertTrue(exceptions.contains("\"kind\" : \"SLA_BREACH\"")
				&& exceptions.contains("acme: no 855 for 850 PO-45001"), exceptions);
		String again = runOk("sla-again", "sla", "--breached");
		assertTrue(again.contains("\"breached\" : 0"), "a breach is opened once: " + again);

		runOk("sla-855", "ingest", "--partner", "acme", samples.resolve("edi/acme-855-po-ack.edi").toString());
		String met = runOk("sla-met", "sla", "--met");
		assertTrue(met.contains("\"state\" : \"MET_LATE\"") && met.contains("\"lateSeconds\" : "), met);
	}

	@Test
	void serveChecksSlaClocksOnItsScheduleAndBreachesOnce() throws Exception {
		runOk("sched-rule", "rules", "sla.acme.850.997", "PT2S", "--reason", "a test of the SLA schedule");
		runOk("sched-items", "ingest", "--partner", "erp", demo().resolve("samples/erp-items-acme.csv").toString());
		Path inbox = Files.createDirectories(dir.resolve("data/inbox/erp"));
		try (ProductProcess serve = ProductProcess.start(product.resolve("syncline-runtime"), dir.resolve("sched.log"),
				java.util.Map.of("SYNCLINE_SLA_CHECK_MS", "500"), "--data", dir.resolve("data").toString(), "serve")) {
			assertTrue(serve.awaitOutput(l -> l.contains(" up: data directory"), Duration.ofSeconds(120)), serve.output());
			Files.copy(demo().resolve("canonical/po-45001.xmi"), inbox.resolve("po-45001.part"));
			Files.move(inbox.resolve("po-45001.part"), inbox.resolve("po-45001.xmi"));
			assertTrue(serve.awaitOutput(l -> l.contains("SLA clocks: 1 breached"), Duration.ofSeconds(60)),
					"no 997 from Acme within 2 s: " + serve.output());
			Thread.sleep(2_000); // four more checks
			assertEquals(1, serve.output().lines().filter(l -> l.contains("breached")).count(),
					"breached once, not on every check: " + serve.output());
			serve.process().destroy();
			serve.awaitExit(Duration.ofSeconds(60));
		}
		String exceptions = runOk("sched-exceptions", "exceptions", "--open");
		assertTrue(exceptions.contains("acme: no 997 for 850 PO-45001"), exceptions);
	}

	@Test
	void anEdiOrderIsAllocatedAndAnsweredWithA855InTheOutbox() throws Exception {
		Path samples = demo().resolve("samples");
		runOk("so-items", "ingest", "--partner", "erp", samples.resolve("erp-items.csv").toString(),
				samples.resolve("erp-items-acme.csv").toString());
		String order = runOk("so-850", "ingest", "--partner", "bigbox",
				samples.resolve("edi/bigbox-850-customer-order.edi").toString());
		assertTrue(order.contains("\"BACKORDERED\" : 1"), "nothing of it is in stock at ATL:\n" + order);
		Path outbox = dir.resolve("data/outbox/bigbox");
		Path ack;
		try (var files = Files.list(outbox)) {
			ack = files.filter(p -> p.getFileName().toString().startsWith("855-BB-7730021")).findFirst().orElseThrow();
		}
		String x12 = Files.readString(ack);
		assertTrue(x12.contains("BAK*00*AC*BB-7730021*20261121~") && x12.contains("ACK*IB*40*BX~"), x12);
		String valid = runOk("so-validate", "validate", ack.toString());
		assertTrue(valid.contains("1 valid records, 0 errors"), valid);
		String so = runOk("so-show", "show", "so", "BB-7730021");
		assertTrue(so.contains("\"customerPo\" : \"BB-7730021\"") && so.contains("\"itemNumber\" : \"HS-100238\""), so);
		String sent = runOk("so-journal", "journal", "--partner", "bigbox", "--direction", "OUT", "--type", "855");
		assertTrue(sent.contains("\"documentType\" : \"855\"") && sent.contains("\"BB-7730021\""), sent);
		String partners = runOk("so-partners", "partners");
		assertTrue(partners.contains("\"partnerId\" : \"bigbox\"") && partners.contains("\"workflow\" : \"EDI_ORDERS\"")
				&& partners.contains("\"x12Envelope\" : \"ZZ:HARBORSUPPLY>ZZ:BIGBOXRETAIL\""), partners);
		// a 3PL whose flat files are told apart by the file patterns of its flows
		String saved = runOk("so-3pl", "partners", "save", "northwind", "--name", "Northwind 3PL", "--reason",
				"Dallas site", "--flows", "snapshot:IN:STOCK_SNAPSHOT:wms-snapshot:*stock*.xml,"
						+ "events:IN:STOCK_EVENTS:wms-events:*.jsonl");
		assertTrue(saved.contains("\"filePattern\" : \"*stock*.xml\""), saved);
		Path moves = dir.resolve("northwind-moves.jsonl");
		Files.writeString(moves, "{\"eventId\": \"nw-1\", \"type\": \"RECEIPT\", \"item\": \"HS-100238\", "
				+ "\"warehouse\": \"ATL\", \"qty\": 5, \"uom\": \"BX\", \"at\": \"2026-11-21T08:00:00Z\"}\n");
		String moved = runOk("so-3pl-moves", "ingest", "--partner", "northwind", moves.toString());
		assertTrue(moved.contains("\"documentType\" : \"events\"") && moved.contains("\"APPLIED\""), moved);
		try (ProductProcess ship = run("so-ship", "ship", "BB-7730021", "--carrier", "UPSN")) {
			assertTrue(ship.awaitExit(Duration.ofSeconds(120)) != 0, ship.output());
			assertTrue(ship.output().contains("nothing left to ship") && !ship.output().contains("\tat "),
					"all of it is backordered, said without a stack trace:\n" + ship.output());
		}
	}

	@Test
	void anEdiOrderInStockShipsFromTheShellAndBigBoxGetsItsShipNoticeAndInvoice() throws Exception {
		Path samples = demo().resolve("samples");
		runOk("ship-items", "ingest", "--partner", "erp", samples.resolve("erp-items.csv").toString(),
				samples.resolve("erp-items-acme.csv").toString());
		Path receipts = dir.resolve("receipts.jsonl");
		Files.writeString(receipts, "{\"eventId\": \"r-1\", \"type\": \"RECEIPT\", \"item\": \"HS-100238\", "
				+ "\"warehouse\": \"ATL\", \"qty\": 100, \"uom\": \"BX\", \"at\": \"2026-11-21T08:00:00Z\"}\n");
		runOk("ship-stock", "ingest", "--partner", "wms", receipts.toString());
		runOk("ship-850", "ingest", "--partner", "bigbox", samples.resolve("edi/bigbox-850-customer-order.edi").toString());

		String shipped = runOk("ship", "ship", "BB-7730021", "--lines", "1=40", "--carrier", "UPSN", "--tracking",
				"1Z999AA10123456784");

		assertTrue(shipped.contains("\"status\" : \"PARTIALLY_SHIPPED\"") && shipped.contains("\"1\" : \"40\"")
				&& shipped.contains("\"856\", \"810\""), shipped);
		Path asnFile;
		try (var files = Files.list(dir.resolve("data/outbox/bigbox"))) {
			asnFile = files.filter(p -> p.getFileName().toString().startsWith("856-BB-7730021-1-")).findFirst()
					.orElseThrow();
		}
		String asn = Files.readString(asnFile);
		assertTrue(asn.contains("TD5*B*2*UPSN~") && asn.contains("REF*CN*1Z999AA10123456784~")
				&& asn.contains("SN1**40*BX~"), asn);
		String valid = runOk("ship-validate", "validate", asnFile.toString());
		assertTrue(valid.contains("1 valid records, 0 errors"), valid);
	}
}
