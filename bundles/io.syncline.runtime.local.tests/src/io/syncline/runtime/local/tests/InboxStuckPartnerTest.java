package io.syncline.runtime.local.tests;

import static io.syncline.testing.Harbor.demo;
import static io.syncline.runtime.local.tests.Listing.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.WorkerStatus;
import io.syncline.runtime.local.Inbox;
import io.syncline.runtime.local.PartnerLanes;
import io.syncline.runtime.local.Workers;
import io.syncline.store.InboxClaims;

/**
 * A partner whose batch really hangs: another session holds BigBox's interchange counter in a transaction that
 * rolled back to a savepoint, and H2 then lets the batch that needs the counter spin past its lock timeout until that
 * session ends. The inbox abandons the batch far past the worker's bound and goes on with the WMS file that came
 * after it, skips BigBox's later files while its batch runs, counts the abandoned claim, and takes BigBox again once
 * the batch ends. A claim abandoned on three runs is set aside at the next start instead of hanging it again.
 */
class InboxStuckPartnerTest extends HarborInbox {

	private Workers.Worker worker;
	private PartnerLanes lanes;

	@Override
	Inbox openInbox() {
		worker = runtime.workers().register("inbox", Duration.ofMillis(200));
		runtime.workers().startWatching();
		lanes = PartnerLanes.watched(worker, Duration.ofMillis(800));
		return new Inbox(runtime, data, Duration.ZERO, lanes);
	}

	@AfterEach
	void closeLanes() {
		lanes.close();
	}

	@Test
	void aHangingPartnerIsAbandonedAndTheOthersGoOn() throws Exception {
		Connection holder = store.connection();
		try (Statement statement = holder.createStatement()) {
			assertEquals(1, statement.executeUpdate("UPDATE control_numbers SET last_value = last_value "
					+ "WHERE tenant_id = 'harbor' AND partner_id = 'bigbox' AND kind = 'INTERCHANGE'"));
			Savepoint savepoint = holder.setSavepoint();
			statement.executeUpdate("UPDATE control_numbers SET last_value = 0 WHERE kind = 'NONE'");
			holder.rollback(savepoint);
		}
		long now = System.currentTimeMillis();
		drop("bigbox", "order-1.edi", order(1), now - 5_000);
		Files.copy(demo("samples/wms-events.jsonl"), inbox.folder("wms").resolve("events.jsonl"));
		Files.setLastModifiedTime(inbox.folder("wms").resolve("events.jsonl"), FileTime.fromMillis(now - 4_000));

		List<Inbox.Pickup> picked = inbox.poll();

		assertEquals(List.of("events.jsonl"), picked.stream().map(Inbox.Pickup::file).toList(),
				"BigBox's batch was abandoned, and the WMS file after it applied");
		List<String> claimed = names(data.resolve("processing/bigbox"));
		assertEquals(1, claimed.size(), "the abandoned order waits, claimed: " + claimed);
		String claimId = claimed.get(0).substring(0, claimed.get(0).indexOf("__"));
		assertEquals(1, store.read(c -> new InboxClaims(store.dialect()).abandons(c, "harbor", claimId)).count());
		WorkerStatus status = runtime.workers().statuses().get(0);
		assertEquals(WorkerStatus.State.STUCK, status.state());
		assertEquals(1, status.abandoned());
		assertTrue(status.unit().contains("bigbox"), status.unit());

		drop("bigbox", "order-2.edi", order(2), now - 3_000);
		assertEquals(List.of(), inbox.poll(), "BigBox's later order waits behind its abandoned batch");
		assertEquals(List.of("order-2.edi"), names(inbox.folder("bigbox")));

		holder.rollback();
		holder.close();
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!names(data.resolve("processing/bigbox")).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertEquals(List.of(), names(data.resolve("processing/bigbox")), "the abandoned batch ended once let go");
		try (Stream<Path> archived = Files.walk(data.resolve("archive/bigbox"))) {
			assertEquals(1, archived.filter(f -> f.getFileName().toString().endsWith("order-1.edi")).count(),
					"and kept its file as usual");
		}
		List<Inbox.Pickup> after = List.of();
		while (after.isEmpty() && System.nanoTime() < deadline) {
			after = inbox.poll(); // the lane is free once its abandoned work returned
		}
		assertEquals(List.of("order-2.edi"), after.stream().map(Inbox.Pickup::file).toList());
		assertEquals("APPLIED", after.get(0).result().status(), after.get(0).result().problems().toString());
		assertEquals(WorkerStatus.State.IDLE, runtime.workers().statuses().get(0).state());
	}

	@Test
	void aClaimAbandonedOnThreeRunsIsSetAsideAtTheNextStart() throws Exception {
		Path processing = Files.createDirectories(data.resolve("processing/bigbox"));
		Files.writeString(processing.resolve("claim-x__order-9.edi"), order(9));
		for (int run = 0; run < 3; run++) {
			store.inTransaction(c -> new InboxClaims(store.dialect()).abandoned(c, "harbor", "claim-x",
					"worker inbox abandoned harbor/bigbox: 1 file(s) from order-9.edi after 300 s without progress"));
		}

		List<Inbox.Pickup> recovered = inbox.recover();

		assertEquals(1, recovered.size());
		assertEquals("QUARANTINED", recovered.get(0).result().status());
		assertTrue(recovered.get(0).keptAt().startsWith(data.resolve("failed/bigbox")), recovered.get(0).keptAt().toString());
		var poison = runtime.exceptions(ExceptionQuery.open().ofKind("POISON")).items();
		assertEquals(1, poison.size());
		assertTrue(poison.get(0).detail().contains("abandoned by the inbox worker on 3 runs"), poison.get(0).detail());
		long message = recovered.get(0).result().messageId();
		assertEquals(Long.valueOf(message), poison.get(0).messageId(), "journaled, then set aside");
		assertEquals(List.of("QUARANTINED"), runtime.journal(io.syncline.runtime.api.JournalQuery.all()
				.withPartner("bigbox")).items().stream().filter(m -> m.id() == message).map(m -> m.status()).toList());
	}

	private static String order(int n) throws Exception {
		int number = 600_000 + n;
		return Files.readString(demo("samples/edi/bigbox-850-customer-order.edi"))
				.replace("BB-7730021", String.format("BB-99%05d", n)).replace("000007001", String.format("%09d", number))
				.replace("*7001*", "*" + number + "*").replace("GE*1*7001~", "GE*1*" + number + "~");
	}

	private void drop(String partner, String name, String content, long writtenAt) throws Exception {
		Path file = inbox.folder(partner).resolve(name);
		Files.writeString(file, content);
		Files.setLastModifiedTime(file, FileTime.fromMillis(writtenAt));
	}


}
