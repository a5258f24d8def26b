package io.syncline.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.syncline.store.AuditLog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.IdempotencyKeys;
import io.syncline.store.JournalEntry;
import io.syncline.store.MessageJournal;
import io.syncline.store.NotFoundException;
import io.syncline.store.Retention;
import io.syncline.store.RetentionPolicy;
import io.syncline.store.Store;
import io.syncline.store.StoreTime;

/**
 * Retention on a store, with time simulated: rows are written on day 0 and purged as of later days. What the policy
 * no longer keeps goes, in batches; what an open exception needs stays; a purged row is told as purged.
 */
abstract class RetentionContract {

	private static final OffsetDateTime DAY_0 = OffsetDateTime.parse("2026-01-05T10:00:00Z");
	private static final String TENANT = "harbor";

	protected Store store;
	private MessageJournal journal;
	private ExceptionQueue queue;

	protected abstract Store open() throws Exception;

	@BeforeEach
	void openStore() throws Exception {
		store = open();
		journal = new MessageJournal(store);
		queue = new ExceptionQueue(store);
		at(DAY_0);
	}

	@AfterEach
	void closeStore() {
		StoreTime.simulate(null);
		store.close();
	}

	private static void at(OffsetDateTime time) {
		StoreTime.simulate(Clock.fixed(time.toInstant(), ZoneOffset.UTC));
	}

	private Retention retention(int batch) {
		return new Retention(store, batch, Duration.ZERO);
	}

	private long message(String po, MessageJournal.Status status) throws SQLException {
		byte[] payload = ("ISA*00*~PO1*1*5*EA*3.25**VP*" + po + "~").getBytes(StandardCharsets.US_ASCII);
		return store.inTransaction(connection -> {
			long id = journal.append(connection, new JournalEntry(TENANT, "acme", "po", "IN", "850", po + ".edi", po,
					StoreTime.now(), Map.of("PO", po)), payload, null);
			journal.finish(connection, TENANT, id, status, 1);
			return id;
		});
	}

	private long openException(long messageId, String po) throws SQLException {
		return store.inTransaction(connection -> queue.open(connection, TENANT, messageId, "MAPPING_ERROR", po,
				"PO1-04", "price missing"));
	}

	private long count(String table) throws SQLException {
		return store.read(connection -> {
			try (PreparedStatement query = connection.prepareStatement(
					"SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?")) {
				query.setString(1, TENANT);
				try (ResultSet row = query.executeQuery()) {
					row.next();
					return row.getLong(1);
				}
			}
		});
	}

	@Test
	void payloadsOfFinishedMessagesGoAfterTheirPeriodWhileTheirRowsAndKeysStay() throws Exception {
		long applied = message("PO-1", MessageJournal.Status.APPLIED);
		long sent = message("PO-2", MessageJournal.Status.SENT);
		long failed = message("PO-3", MessageJournal.Status.FAILED);
		openException(failed, "PO-3");
		byte[] kept = journal.payload(TENANT, failed);

		Retention.Run early = retention(100).purge(TENANT, RetentionPolicy.DEFAULT, DAY_0.plusDays(89));
		assertFalse(early.removed().any(), "nothing is 90 days old on day 89");
		journal.payload(TENANT, applied);

		Retention.Run run = retention(100).purge(TENANT, RetentionPolicy.DEFAULT, DAY_0.plusDays(91));
		assertEquals(2, run.removed().payloads(), "the applied and the sent payloads");
		assertEquals(0, run.removed().messages());
		NotFoundException purged = assertThrows(NotFoundException.class, () -> journal.payload(TENANT, applied));
		assertTrue(purged.getMessage().contains("was purged on ") && purged.getMessage().contains("retention.payloads"),
				purged.getMessage());
		assertArrayEquals(kept, journal.payload(TENANT, failed), "a message an open exception needs keeps its payload");
		List<MessageJournal.Message> found = journal.findByKey(TENANT, "PO-1", 0, 10);
		assertEquals(1, found.size(), "the journal row and its keys stay");
		assertTrue(found.get(0).payloadPurgedAt() != null, "the row says its payload was purged");
		assertEquals(3, count("messages"));
		assertTrue(store.read(c -> new AuditLog().search(c, TENANT, new AuditLog.Filter(null, "retention-purge", null,
				null, null), 0, 10)).size() == 1, "the purge is audited");
		assertFalse(retention(100).purge(TENANT, RetentionPolicy.DEFAULT, DAY_0.plusDays(92)).removed().any(),
				"a second run reads on from where the first stopped and finds nothing");
	}

	@Test
	void journalRowsGoAfterTheirPeriodButNeverThoseAnOpenExceptionNeeds() throws Exception {
		long[] applied = new long[7];
		for (int i = 0; i < applied.length; i++) {
			applied[i] = message("PO-" + i, MessageJournal.Status.APPLIED);
		}
		long failed = message("PO-F", MessageJournal.Status.FAILED);
		long exception = openException(failed, "PO-F");
		at(DAY_0.plusDays(300));
		long recent = message("PO-R", MessageJournal.Status.APPLIED);

		Retention.Run run = retention(3).purge(TENANT, RetentionPolicy.DEFAULT, DAY_0.plusDays(401));
		assertEquals(7, run.removed().messages(), "in batches of 3, every old finished row");
		assertEquals(2, count("messages"), "the failed message its open exception needs, and the recent one");
		assertEquals(2, count("message_keys"));
		NotFoundException gone = assertThrows(NotFoundException.class, () -> journal.payload(TENANT, applied[3]));
		assertTrue(gone.getMessage().startsWith("message " + applied[3] + " was purged on "), gone.getMessage());
		assertTrue(queue.get(TENANT, exception).isOpen(), "an open exception is never purged");
		assertEquals(1, journal.findByKey(TENANT, "PO-R", 0, 10).size(), "a row within its 400 days stays");

		at(DAY_0.plusDays(402));
		queue.close(TENANT, exception, "pat", ExceptionQueue.State.RESOLVED, "price agreed by phone");
		Retention.Run afterClose = retention(3).purge(TENANT, RetentionPolicy.DEFAULT, DAY_0.plusDays(700));
		assertEquals(0, afterClose.removed().exceptions(), "a closed exception stays 400 days from its closing");
		assertEquals(2, count("messages"));

		Retention.Run later = retention(3).purge(TENANT, RetentionPolicy.DEFAULT, DAY_0.plusDays(803));
		assertEquals(1, later.removed().exceptions());
		assertEquals(2, later.removed().messages(), "the message the exception kept goes with it, and the recent one");
		assertEquals(0, count("messages"));
		NotFoundException closed = assertThrows(NotFoundException.class, () -> queue.get(TENANT, exception));
		assertTrue(closed.getMessage().startsWith("exception " + exception + " was purged on "), closed.getMessage());
	}

	@Test
	void aRowWrittenWithAClockAheadHoldsNothingBackAndGoesWhenItsTimeComes() throws Exception {
		at(DAY_0.plusDays(1000)); // a clock set years ahead, then put right
		long ahead = message("PO-AHEAD", MessageJournal.Status.APPLIED);
		at(DAY_0);
		for (int i = 0; i < 5; i++) {
			message("PO-" + i, MessageJournal.Status.APPLIED);
		}

		Retention.Run run = retention(3).purge(TENANT, RetentionPolicy.DEFAULT, DAY_0.plusDays(401));
		assertEquals(5, run.removed().messages(), "the rows after it, though it came first and is not yet old");
		assertEquals(1, count("messages"));

		Retention.Run later = retention(3).purge(TENANT, RetentionPolicy.DEFAULT, DAY_0.plusDays(1401));
		assertEquals(1, later.removed().messages(), "a later run looks at it again, and it goes once it is old");
		assertThrows(NotFoundException.class, () -> journal.payload(TENANT, ahead));
	}

	@Test
	void idempotencyKeysAndAuditRowsGoAfterTheirOwnPeriods() throws Exception {
		IdempotencyKeys keys = new IdempotencyKeys(store.dialect());
		store.inTransaction(connection -> keys.claimAll(connection, TENANT, List.of("a", "b", "c", "d", "e")));
		store.inTransaction(connection -> {
			new AuditLog().append(connection, TENANT, "pat", "set-rule", "rule/x", null, "1", "test");
			return null;
		});
		at(DAY_0.plusDays(200));
		store.inTransaction(connection -> keys.claimAll(connection, TENANT, List.of("f")));

		Retention.Run run = retention(1).purge(TENANT, RetentionPolicy.DEFAULT, DAY_0.plusDays(401));
		assertEquals(5, run.removed().idempotencyKeys(), "pages of 4 keys, each checked for its age");
		assertEquals(0, run.removed().auditRows(), "audit is kept 7 years");
		assertEquals(1, count("idempotency_keys"));
		store.inTransaction(connection -> {
			assertTrue(keys.claim(connection, TENANT, "a"), "a purged key can be claimed again");
			assertFalse(keys.claim(connection, TENANT, "f"), "a kept key still refuses a duplicate");
			return null;
		});

		Retention.Run years = retention(1).purge(TENANT, RetentionPolicy.DEFAULT,
				DAY_0.plus(Period.ofYears(7)).plusDays(1));
		assertEquals(1, years.removed().auditRows(), "the set-rule row of day 0; the first purge's own row, written "
				+ "on day 200, is not 7 years old");
	}

	@Test
	void aPeriodOfNeverKeepsEverythingAndBadValuesAreRefused() throws Exception {
		message("PO-1", MessageJournal.Status.APPLIED);
		RetentionPolicy never = RetentionPolicy.of(Map.of(RetentionPolicy.PAYLOADS, "never", RetentionPolicy.JOURNAL,
				"never", RetentionPolicy.IDEMPOTENCY_KEYS, "never"));
		assertFalse(retention(10).purge(TENANT, never, DAY_0.plusYears(3)).removed().any());
		assertEquals(1, count("messages"));
		assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.check(RetentionPolicy.JOURNAL, "400 days"));
		assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.check(RetentionPolicy.JOURNAL, "P0D"));
		assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.check("retention.everything", "P1D"));
		RetentionPolicy.check(RetentionPolicy.AUDIT, "P10Y");
	}

	@Test
	void otherTenantsRowsAreNeverTouched() throws Exception {
		long harbor = message("PO-1", MessageJournal.Status.APPLIED);
		long other = store.inTransaction(connection -> {
			long id = journal.append(connection, new JournalEntry("northstar", "acme", "po", "IN", "850", "n.edi", "N-1",
					StoreTime.now(), Map.of("PO", "N-1")), new byte[] { 1, 2, 3 }, null);
			journal.finish(connection, "northstar", id, MessageJournal.Status.APPLIED, 1);
			return id;
		});
		retention(10).purge(TENANT, RetentionPolicy.DEFAULT, DAY_0.plusDays(500));
		assertThrows(NotFoundException.class, () -> journal.payload(TENANT, harbor));
		assertArrayEquals(new byte[] { 1, 2, 3 }, journal.payload("northstar", other));
	}
}
