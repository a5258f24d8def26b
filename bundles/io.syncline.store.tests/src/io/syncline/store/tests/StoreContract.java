package io.syncline.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.syncline.formats.x12.ControlNumbers;
import io.syncline.store.AuditLog;
import io.syncline.store.DbControlNumbers;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.IdempotencyKeys;
import io.syncline.store.JournalEntry;
import io.syncline.store.MessageJournal;
import io.syncline.store.NestedTransactionException;
import io.syncline.store.Store;

/** What every database behind the store must do; run on H2 and on a real PostgreSQL server. */
abstract class StoreContract {

	protected Store store;

	protected abstract Store open() throws Exception;

	@BeforeEach
	void openStore() throws Exception {
		store = open();
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	private static JournalEntry entry(String tenant, String po) {
		return new JournalEntry(tenant, "acme", "po-ack", "IN", "855", "acme-855-po-ack.edi", po,
				OffsetDateTime.parse("2026-11-20T12:00:00Z"), Map.of("PO", po));
	}

	@Test
	void migrationsRunOnceAndAgainChangeNothing() throws Exception {
		store.close();
		store = open();
		try (Connection connection = store.connection(); Statement query = connection.createStatement();
				ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM schema_history")) {
			rows.next();
			assertEquals(25, rows.getInt(1), "V1 to V25, each once (V10 and V15 run on H2 only, recorded everywhere)");
		}
	}

	@Test
	void aChangedMigrationIsRefused() throws Exception {
		try (Connection connection = store.connection(); Statement update = connection.createStatement()) {
			update.executeUpdate("UPDATE schema_history SET checksum = 'tampered' WHERE version = 1");
			connection.commit();
		}
		store.close();
		SQLException error = assertThrows(SQLException.class, () -> store = open());
		assertTrue(error.getMessage().contains("V1__journal_exceptions_audit.sql was changed after it was applied"),
				error.getMessage());
		store = reopenAfterRepair();
	}

	/** Puts the checksum back so the fixture can close what it opened. */
	protected abstract Store reopenAfterRepair() throws Exception;

	@Test
	void journalKeepsTheOriginalBytesCompressedAndFindsThemByKey() throws Exception {
		MessageJournal journal = new MessageJournal(store);
		byte[] payload = ("ISA*00*...~" + "PO1*1*5000*EA*0.0825*PE*VP*AF-HX-0616~\n".repeat(500))
				.getBytes(StandardCharsets.US_ASCII);
		long id = journal.append(entry("harbor", "PO-45001"), payload);
		assertArrayEquals(payload, journal.payload("harbor", id));
		try (Connection connection = store.connection(); Statement query = connection.createStatement();
				ResultSet rows = query.executeQuery("SELECT payload_size, payload_gzip FROM messages WHERE id = " + id)) {
			rows.next();
			assertEquals(payload.length, rows.getLong(1));
			assertTrue(rows.getBytes(2).length < payload.length / 10, "the payload is stored compressed");
		}
		assertThrows(io.syncline.store.NotFoundException.class, () -> journal.payload("other-tenant", id),
				"tenants see only their rows");
	}

	@Test
	void findByKeyPagesByKeyset() throws Exception {
		MessageJournal journal = new MessageJournal(store);
		for (int i = 0; i < 25; i++) {
			journal.append(entry("harbor", i % 5 == 0 ? "PO-45002" : "PO-45001"), new byte[] { (byte) i });
		}
		journal.append(entry("other", "PO-45001"), new byte[] { 1 });
		List<Long> seen = new ArrayList<>();
		long after = 0;
		List<Integer> pageSizes = new ArrayList<>();
		List<MessageJournal.Message> page;
		while (!(page = journal.findByKey("harbor", "PO-45001", after, 8)).isEmpty()) {
			pageSizes.add(page.size());
			page.forEach(m -> seen.add(m.id()));
			after = page.get(page.size() - 1).id();
		}
		assertEquals(List.of(8, 8, 4), pageSizes);
		assertEquals(20, new HashSet<>(seen).size());
		assertEquals(seen.stream().sorted().toList(), seen, "oldest first, no repeats");
	}

	@Test
	void eightThreadsRacingOnTheSameKeysClaimEachExactlyOnce() throws Exception {
		IdempotencyKeys keys = new IdempotencyKeys(store.dialect());
		AtomicInteger claimed = new AtomicInteger();
		List<Callable<Void>> racers = new ArrayList<>();
		for (int thread = 0; thread < 8; thread++) {
			racers.add(() -> {
				for (int i = 0; i < 200; i++) {
					try (Connection connection = store.connection()) {
						if (keys.claim(connection, "harbor", "effect-" + (i % 50))) {
							claimed.incrementAndGet();
						}
						connection.commit();
					}
				}
				return null;
			});
		}
		runAll(racers);
		assertEquals(50, claimed.get(), "each of the 50 keys is claimed by exactly one of 1,600 attempts");
		try (Connection connection = store.connection(); Statement query = connection.createStatement();
				ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM idempotency_keys")) {
			rows.next();
			assertEquals(50, rows.getInt(1));
		}
	}

	@Test
	void controlNumbersFromEightThreadsHaveNoGapsAndNoDuplicates() throws Exception {
		ControlNumbers numbers = (partner, kind) -> {
			try {
				return store.inTransaction(connection -> new DbControlNumbers(store, "harbor", connection).next(partner,
						kind));
			} catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
		};
		List<Long> handedOut = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Callable<Void>> racers = new ArrayList<>();
		for (int thread = 0; thread < 8; thread++) {
			racers.add(() -> {
				for (int i = 0; i < 50; i++) {
					handedOut.add(numbers.next("acme", ControlNumbers.Kind.INTERCHANGE));
				}
				return null;
			});
		}
		runAll(racers);
		Set<Long> distinct = new HashSet<>(handedOut);
		assertEquals(400, distinct.size(), "no duplicates");
		assertEquals(1L, distinct.stream().mapToLong(Long::longValue).min().getAsLong());
		assertEquals(400L, distinct.stream().mapToLong(Long::longValue).max().getAsLong(), "no gaps");
		assertEquals(1, numbers.next("bigbox", ControlNumbers.Kind.INTERCHANGE), "counters are per partner");
	}

	@Test
	void anExceptionIsKeptWithItsLocationAndEveryChangeIsAudited() throws Exception {
		MessageJournal journal = new MessageJournal(store);
		long message = journal.append(entry("harbor", "PO-45001"), new byte[] { 1, 2, 3 });
		ExceptionQueue queue = new ExceptionQueue(store);
		long id;
		try (Connection connection = store.connection()) {
			id = queue.open(connection, "harbor", message, "PRICE_CHANGE", "PO-45001",
					"acme-855-po-ack.edi line 12, segment 12 CTP, element CTP03",
					"line 3 AF-LG-1420: 0.2150 → 0.2290 (+6.5 %) is above the 2 % tolerance");
			connection.commit();
		}
		ExceptionQueue.Item open = queue.list("harbor", true, 0, 10).get(0);
		assertEquals(id, open.id());
		assertEquals(Long.valueOf(message), open.messageId());
		assertTrue(open.location().contains("element CTP03"));

		queue.assign("harbor", id, "dana", "sam");
		queue.close("harbor", id, "sam", ExceptionQueue.State.RESOLVED, "price confirmed by Acme, contract update 14");
		assertEquals(List.of(), queue.list("harbor", true, 0, 10), "no longer open");
		assertThrows(IllegalStateException.class,
				() -> queue.close("harbor", id, "sam", ExceptionQueue.State.IGNORED, "again"), "closed stays closed");
		assertThrows(IllegalArgumentException.class,
				() -> queue.close("harbor", id, "sam", ExceptionQueue.State.RESOLVED, " "), "a reason is required");

		try (Connection connection = store.connection()) {
			List<AuditLog.Entry> history = new AuditLog().history(connection, "harbor", "exception/" + id);
			assertEquals(List.of("assign", "resolved"), history.stream().map(AuditLog.Entry::action).toList());
			assertEquals("{\"state\":\"OPEN\"}", history.get(1).before());
			assertEquals("{\"state\":\"RESOLVED\"}", history.get(1).after());
			assertEquals("sam", history.get(1).actor());
			assertEquals("price confirmed by Acme, contract update 14", history.get(1).reason());
		}
	}

	@Test
	void aSecondTransactionOnAThreadThatHoldsOneIsRefusedAndReadsJoinIt() throws Exception {
		store.inTransaction(connection -> {
			new AuditLog().append(connection, "harbor", "sam", "test", "rule/x", null, "{}", "set while held");
			NestedTransactionException nested = assertThrows(NestedTransactionException.class,
					() -> store.inTransaction(inner -> null));
			assertTrue(nested.getMessage().contains("holds a transaction"), nested.getMessage());
			assertThrows(NestedTransactionException.class, () -> store.connection());
			int seen = store.read(read -> new AuditLog().history(read, "harbor", "rule/x").size());
			assertEquals(1, seen, "a read in the caller's transaction sees what it wrote");
			assertThrows(NestedTransactionException.class, () -> store.read(read -> {
				read.commit();
				return null;
			}), "a read does not end the caller's transaction");
			return null;
		});
		assertEquals(1, store.read(read -> new AuditLog().history(read, "harbor", "rule/x").size()),
				"the caller committed once its work returned");
		assertTrue(!store.holdsTransaction(), "nothing is held after the transaction ended");
		assertThrows(IllegalArgumentException.class, () -> store.inIndependentTransaction(" ", c -> null));
		store.inTransaction(connection -> store.inIndependentTransaction("the test says why", own -> {
			new AuditLog().append(own, "harbor", "sam", "test", "rule/y", null, "{}", "independent");
			return null;
		}));
		assertEquals(1, store.read(read -> new AuditLog().history(read, "harbor", "rule/y").size()));
	}

	/**
	 * Taking a control number leaves no failed statement in the transaction: after one, H2 lets a transaction that
	 * waits for its rows spin past the lock timeout until it ends. A second taker waits its lock timeout and fails
	 * with a failure that may pass, and once the first commits, takes the next number.
	 */
	@Test
	void aControlNumberHeldByAnotherTransactionIsWaitedForNoLongerThanTheLockTimeout() throws Exception {
		store.close();
		String before = System.setProperty("syncline.lockTimeoutMillis", "1000");
		try {
			store = open();
		} finally {
			if (before == null) {
				System.clearProperty("syncline.lockTimeoutMillis");
			} else {
				System.setProperty("syncline.lockTimeoutMillis", before);
			}
		}
		store.inTransaction(connection -> new DbControlNumbers(store, "harbor", connection).next("acme",
				ControlNumbers.Kind.INTERCHANGE));
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			store.inTransaction(holder -> {
				assertEquals(2, new DbControlNumbers(store, "harbor", holder).next("acme",
						ControlNumbers.Kind.INTERCHANGE));
				long started = System.nanoTime();
				Future<Long> waiter = other.submit(() -> store.inTransaction(
						c -> new DbControlNumbers(store, "harbor", c).next("acme", ControlNumbers.Kind.INTERCHANGE)));
				java.util.concurrent.ExecutionException failed = assertThrows(
						java.util.concurrent.ExecutionException.class, () -> waiter.get(30, java.util.concurrent.TimeUnit.SECONDS));
				long waitedMillis = (System.nanoTime() - started) / 1_000_000;
				SQLException cause = (SQLException) failed.getCause().getCause();
				assertTrue(io.syncline.store.Dialect.H2 == store.dialect() ? "HYT00".equals(cause.getSQLState())
						: "55P03".equals(cause.getSQLState()), cause.getSQLState() + " " + cause.getMessage());
				assertTrue(waitedMillis < 10_000, "waited " + waitedMillis + " ms for a 1 s lock timeout");
				return null;
			});
			assertEquals(3L, other.submit(() -> store.inTransaction(
					c -> new DbControlNumbers(store, "harbor", c).next("acme", ControlNumbers.Kind.INTERCHANGE))).get());
		} finally {
			other.shutdownNow();
		}
	}

	private static void runAll(List<Callable<Void>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			for (Future<Void> result : pool.invokeAll(tasks)) {
				result.get();
			}
		} finally {
			pool.shutdownNow();
		}
	}
}
