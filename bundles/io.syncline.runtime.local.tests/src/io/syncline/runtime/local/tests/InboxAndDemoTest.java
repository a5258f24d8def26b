package io.syncline.runtime.local.tests;

import static io.syncline.testing.Harbor.demo;
import static io.syncline.runtime.local.tests.Listing.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.local.DemoTenant;
import io.syncline.runtime.local.Inbox;
import io.syncline.store.JournalEntry;
import io.syncline.store.MessageJournal;

/**
 * Inbox folders on a real file system and an H2 database: files claimed, processed and kept; claims left by a
 * killed runtime recovered without loss or double effects; and the demo tenant loaded on a first start.
 */
class InboxAndDemoTest extends HarborInbox {

	@Override
	boolean withDemoDay() {
		return false; // the first start's loading is under test here
	}



	@Test
	void settledFilesAreClaimedProcessedAndKeptBesideTheirOutcome() throws Exception {
		Files.copy(demo("samples/erp-items.csv"), inbox.folder("erp").resolve("erp-items.csv"));
		Files.writeString(inbox.folder("erp").resolve("erp-items-acme.csv.part"), "still being written");
		String bad = Files.readString(demo("samples/boltco-catalog.csv")).replace(",36.9609,", ",36,96O9,");
		Files.writeString(inbox.folder("boltco").resolve("boltco-catalog.csv"), bad);

		List<Inbox.Pickup> picked = inbox.poll();

		assertEquals(2, picked.size(), picked.toString());
		assertEquals(List.of("erp-items-acme.csv.part"), names(inbox.folder("erp")), "a .part file is not taken");
		assertEquals(List.of(), names(inbox.folder("boltco")));
		assertEquals(List.of(), names(data.resolve("processing/erp")));
		Inbox.Pickup items = picked.stream().filter(p -> p.partner().equals("erp")).findFirst().orElseThrow();
		assertTrue(items.keptAt().startsWith(data.resolve("archive/erp")), items.keptAt().toString());
		assertEquals(Files.readString(demo("samples/erp-items.csv")), Files.readString(items.keptAt()));
		Inbox.Pickup catalog = picked.stream().filter(p -> p.partner().equals("boltco")).findFirst().orElseThrow();
		assertEquals("PARTIAL", catalog.result().status());
		assertTrue(catalog.keptAt().startsWith(data.resolve("failed/boltco")), "a bad file is kept: " + catalog.keptAt());
		assertEquals(bad, Files.readString(catalog.keptAt()));
		assertEquals(Long.valueOf(catalog.result().messageId()),
				runtime.exceptions(ExceptionQuery.open().ofKind("MAPPING_ERROR")).items().get(0).messageId());
		MessageSummary journaled = runtime.trace(catalog.claimId()).get(0);
		assertEquals(catalog.result().messageId(), journaled.id(), "the claim id is the message's INBOX key");
		assertTrue(inbox.poll().isEmpty(), "nothing is taken twice");
	}

	@Test
	void filesOfOnePartnerGoInOneBatchYetEachRecordAppliesOrFailsAlone() throws Exception {
		List<String> events = Files.readAllLines(demo("samples/wms-events.jsonl"));
		Files.writeString(inbox.folder("wms").resolve("a.jsonl"), String.join("\n", events.subList(0, 3)) + "\n");
		Files.writeString(inbox.folder("wms").resolve("b.jsonl"),
				events.get(3) + "\n{\"eventId\": \"broken\", \"qty\": \"many\"}\n" + events.get(4) + "\n");
		Files.writeString(inbox.folder("wms").resolve("c.jsonl"), events.get(0) + "\n"); // the first event again
		long now = System.currentTimeMillis();
		for (String name : List.of("a.jsonl", "b.jsonl", "c.jsonl")) { // oldest first is the order they arrived in
			Files.setLastModifiedTime(inbox.folder("wms").resolve(name),
					java.nio.file.attribute.FileTime.fromMillis(now - 10_000 + (name.charAt(0) - 'a') * 1000L));
		}

		List<Inbox.Pickup> picked = inbox.poll();

		assertEquals(3, picked.size());
		Map<String, SubmitResult> byFile = new java.util.HashMap<>();
		picked.forEach(p -> byFile.put(p.file(), p.result()));
		assertEquals("APPLIED", byFile.get("a.jsonl").status());
		SubmitResult b = byFile.get("b.jsonl");
		assertEquals("PARTIAL", b.status());
		assertEquals(1L, b.outcomes().get("MAPPING_ERROR"), b.toString());
		assertEquals(2L, b.outcomes().get("APPLIED"), "the records around the bad one stay applied: " + b);
		assertEquals(1L, byFile.get("c.jsonl").outcomes().get("DUPLICATE"), "an event applies once across a batch");
		assertEquals(3, runtime.journal(JournalQuery.all().withPartner("wms")).items().size());
	}

	@Test
	void filesOfSeveralPartnersApplyInTheOrderTheyArrived() throws Exception {
		List<String[]> arrivals = List.of(new String[] { "erp", "samples/erp-items.csv" },
				new String[] { "erp", "canonical/po-45001.xmi" }, new String[] { "acme", "samples/edi/acme-855-po-ack.edi" },
				new String[] { "erp", "samples/erp-items-acme.csv" });
		long now = System.currentTimeMillis();
		for (int i = 0; i < arrivals.size(); i++) {
			Path source = demo(arrivals.get(i)[1]);
			Path dropped = inbox.folder(arrivals.get(i)[0]).resolve(source.getFileName());
			Files.copy(source, dropped);
			Files.setLastModifiedTime(dropped, java.nio.file.attribute.FileTime.fromMillis(now - 10_000 + i * 1000L));
		}

		List<Inbox.Pickup> picked = inbox.poll();

		assertEquals(List.of("erp-items.csv", "po-45001.xmi", "acme-855-po-ack.edi", "erp-items-acme.csv"),
				picked.stream().map(Inbox.Pickup::file).toList(), "oldest first across partners, not partner by partner");
		Inbox.Pickup acknowledgment = picked.get(2);
		assertEquals(1, runtime.exceptions(ExceptionQuery.open().ofKind("PRICE_CHANGE")).items().size(),
				"the 855 met the PO it answers, dropped before it: " + acknowledgment.result());
	}

	@Test
	void aClaimJournaledBeforeAKillIsResumedNotSubmittedAgain() throws Exception {
		// the state a SIGKILL leaves between journaling a claimed file and processing it
		byte[] items = Files.readAllBytes(demo("samples/erp-items.csv"));
		Path processing = Files.createDirectories(data.resolve("processing/erp"));
		Files.write(processing.resolve("claim-1__erp-items.csv"), items);
		long journaled = new MessageJournal(store).append(new JournalEntry("harbor", "erp", "item-master", "IN", "items",
				"erp-items.csv", null, OffsetDateTime.now(), Map.of("INBOX", "claim-1")), items);
		// and a claim that the kill interrupted before it was journaled
		Files.copy(demo("samples/erp-items-acme.csv"), processing.resolve("claim-2__erp-items-acme.csv"));

		List<Inbox.Pickup> recovered = inbox.recover();

		assertEquals(2, recovered.size());
		Inbox.Pickup resumed = recovered.stream().filter(p -> p.claimId().equals("claim-1")).findFirst().orElseThrow();
		assertEquals(journaled, resumed.result().messageId(), "the journaled message is finished, not a new one made");
		assertEquals("APPLIED", resumed.result().status());
		Inbox.Pickup submitted = recovered.stream().filter(p -> p.claimId().equals("claim-2")).findFirst().orElseThrow();
		assertEquals("APPLIED", submitted.result().status());
		assertEquals(2, runtime.journal(JournalQuery.all().withPartner("erp")).items().size(),
				"one message per file, none twice");
		assertEquals(List.of(), names(processing));
		assertTrue(runtime.journal(JournalQuery.all().withStatus("RECEIVED")).items().isEmpty());
	}

	@Test
	void aSubmitInterruptedByAStopIsResumedOnStart() throws Exception {
		byte[] events = Files.readAllBytes(demo("samples/wms-events.jsonl"));
		long journaled = new MessageJournal(store).append(new JournalEntry("harbor", "wms", "inventory", "IN", "events",
				"wms-events.jsonl", null, OffsetDateTime.now(), Map.of()), events);
		List<SubmitResult> resumed = runtime.operations().resumeUnfinished();
		assertEquals(1, resumed.size());
		assertEquals(journaled, resumed.get(0).messageId());
		assertFalse(resumed.get(0).outcomes().isEmpty(), resumed.get(0).toString());
		assertTrue(runtime.operations().resumeUnfinished().isEmpty(), "finished messages are not resumed again");
	}

	@Test
	void theDemoTenantLoadsOnAFirstStartOnly() throws Exception {
		List<SubmitResult> loaded = DemoTenant.loadIfEmpty(runtime, demo(""));
		assertEquals(16, loaded.size());
		assertEquals(1L, loaded.get(3).outcomes().get("GROUP_ACCEPTED"), "Acme's 997 answers the 850 sent for PO-45001: "
				+ loaded.get(3));
		for (SubmitResult result : loaded) {
			assertFalse(result.outcomes().containsKey("NO_ROUTE") || result.outcomes().containsKey("PROCESSING_ERROR"),
					result.toString());
		}
		assertTrue(runtime.exceptions(ExceptionQuery.open().ofKind("PRICE_CHANGE")).items().stream()
				.anyMatch(e -> e.detail().contains("+6.5 %")), "the 855's price change waits for a person");
		BusinessDocument po = runtime.document(BusinessDocument.Type.PO, "PO-45001").orElseThrow();
		assertEquals("2026-12-09", po.lines().get(1).get("backorderDate"));
		BusinessDocument order = runtime.document(BusinessDocument.Type.SO, "BB-7730021").orElseThrow();
		assertEquals("BB-7730021", order.header().get("customerPo"));
		assertEquals(3, order.lines().size());
		assertTrue(runtime.document(BusinessDocument.Type.INVOICE, "INV-7781").isPresent());
		assertTrue(runtime.document(BusinessDocument.Type.ASN, "ASN-88001").isPresent());
		assertEquals(List.of(), DemoTenant.loadIfEmpty(runtime, demo("")), "a second start loads nothing");
		assertEquals(Files.readString(demo("samples/erp-items.csv")),
				new String(runtime.payload(loaded.get(0).messageId()), StandardCharsets.UTF_8));
	}
}
