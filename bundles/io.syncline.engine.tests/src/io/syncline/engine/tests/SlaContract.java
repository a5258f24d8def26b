package io.syncline.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.syncline.engine.SlaRules;
import io.syncline.engine.SlaWatch;
import io.syncline.store.JournalEntry;
import io.syncline.store.MessageJournal;
import io.syncline.store.PurchaseOrders;
import io.syncline.store.SlaClocks;
import io.syncline.store.Store;
import io.syncline.store.TenantRules;

/**
 * SLA clocks on document pairs with an injected clock: Acme owes an 855 within 24 h of our 850. One at 23 h meets
 * it, one at 25 h breaches it (one SLA_BREACH, however often it is checked) and then closes it late by an hour; a
 * warning comes at 80 %. A due time can come from the document itself (the PO's requested date). Run on H2 and on
 * PostgreSQL.
 */
abstract class SlaContract {

	private static final String TENANT = "harbor";
	private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	protected Store store;
	private MessageJournal journal;
	private final List<String> told = new ArrayList<>();

	protected abstract Store open() throws Exception;

	@BeforeEach
	void openStore() throws Exception {
		store = open();
		journal = new MessageJournal(store);
		rule("sla.acme.850.855", "PT24H");
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	private void rule(String key, String value) throws Exception {
		store.inTransaction(c -> {
			new TenantRules().put(c, TENANT, key, value, "tester", "contract terms");
			return null;
		});
	}

	/** A document journaled at {@code at} with a PO key, ending as {@code status}. */
	private long journaled(String partner, String direction, String type, String po, Instant at, String status)
			throws Exception {
		long id = journal.append(new JournalEntry(TENANT, partner, "purchase-orders", direction, type, type + ".edi",
				null, at.atOffset(ZoneOffset.UTC), Map.of("PO", po)), new byte[] { 'x' });
		store.inTransaction(c -> {
			journal.finish(c, TENANT, id, MessageJournal.Status.valueOf(status), null);
			return null;
		});
		return id;
	}

	private SlaWatch.Checked checkAt(Instant now) throws Exception {
		return new SlaWatch(store, TENANT, Clock.fixed(now, ZoneId.of("UTC"))).check(new SlaWatch.Listener() {
			@Override
			public void started(SlaClocks.Clock clock) {
				told.add("started " + clock.businessKey());
			}

			@Override
			public void warned(SlaClocks.Clock clock) {
				told.add("warned " + clock.businessKey());
			}

			@Override
			public void breached(SlaClocks.Clock clock, long exceptionId) {
				told.add("breached " + clock.businessKey());
			}

			@Override
			public void stopped(SlaClocks.Clock clock, SlaClocks.State state, Long lateSeconds) {
				told.add(state + " " + clock.businessKey() + (lateSeconds == null ? "" : " " + lateSeconds));
			}
		});
	}

	private SlaClocks.Clock clock(String po) throws Exception {
		return store.inTransaction(c -> new SlaClocks(store.dialect()).list(c, TENANT,
				new SlaClocks.Filter(null, false, null, null), 0, 100)).stream()
				.filter(clock -> clock.businessKey().equals(po)).findFirst().orElseThrow();
	}

	/** The details of the SLA_BREACH exceptions, oldest first. */
	private List<String> breaches() throws Exception {
		List<String> details = new ArrayList<>();
		try (Connection connection = store.connection(); PreparedStatement query = connection.prepareStatement(
				"SELECT detail FROM exceptions WHERE tenant_id = ? AND kind = 'SLA_BREACH' ORDER BY id")) {
			query.setString(1, TENANT);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					details.add(rows.getString(1));
				}
			}
		}
		return details;
	}

	@Test
	void anAcknowledgmentAt23HoursMeetsTheClockAndOneAt25HoursBreachesItOnce() throws Exception {
		journaled("acme", "OUT", "850", "PO-1", T0, "SENT");
		journaled("acme", "OUT", "850", "PO-2", T0, "SENT");
		journaled("bigbox", "IN", "855", "PO-2", T0.plusSeconds(60), "APPLIED"); // another partner's: no reply

		SlaWatch.Checked first = checkAt(T0.plus(Duration.ofHours(1)));
		assertEquals(new SlaWatch.Checked(2, 0, 0, 0), first);
		assertEquals(T0.plus(Duration.ofHours(24)), clock("PO-1").dueAt().toInstant());

		journaled("acme", "IN", "855", "PO-1", T0.plus(Duration.ofHours(23)), "APPLIED");
		SlaWatch.Checked at23 = checkAt(T0.plus(Duration.ofHours(23)));
		assertEquals(1, at23.stopped());
		assertEquals(1, at23.warned(), "PO-2 is past 80 % of its 24 hours");
		assertEquals(SlaClocks.State.MET, clock("PO-1").state());
		assertEquals(null, clock("PO-1").lateSeconds());

		SlaWatch.Checked atDue = checkAt(T0.plus(Duration.ofHours(24)).plusSeconds(1));
		assertEquals(1, atDue.breached());
		assertEquals(SlaClocks.State.BREACHED, clock("PO-2").state());
		assertNotNull(clock("PO-2").exceptionId());
		String detail = breaches().get(0);
		assertTrue(detail.startsWith("acme: no 855 for 850 PO-2") && detail.contains("by 2026-11-21T08:00Z")
				&& detail.contains("sla.acme.850.855 = PT24H") && detail.contains("1 s late"), detail);

		assertEquals(0, checkAt(T0.plus(Duration.ofHours(24)).plusSeconds(30)).breached(), "breached once");
		assertEquals(0, checkAt(T0.plus(Duration.ofHours(24)).plusSeconds(3000)).breached());
		assertEquals(1, breaches().size(), "one SLA_BREACH, not one per check");

		journaled("acme", "IN", "855", "PO-2", T0.plus(Duration.ofHours(25)), "APPLIED");
		assertEquals(1, checkAt(T0.plus(Duration.ofHours(25))).stopped());
		assertEquals(SlaClocks.State.MET_LATE, clock("PO-2").state());
		assertEquals(3600L, clock("PO-2").lateSeconds(), "an hour late, for the partner's scorecard");
		assertEquals(List.of("started PO-1", "started PO-2", "MET PO-1", "warned PO-2", "breached PO-2",
				"MET_LATE PO-2 3600"), told);
	}

	@Test
	void aReplyThatFailedOrCameBeforeItsDocumentDoesNotStopTheClock() throws Exception {
		journaled("acme", "IN", "855", "PO-3", T0.minusSeconds(60), "APPLIED");
		journaled("acme", "OUT", "850", "PO-3", T0, "SENT");
		journaled("acme", "IN", "855", "PO-3", T0.plusSeconds(60), "FAILED");
		checkAt(T0.plusSeconds(120));
		assertEquals(SlaClocks.State.OPEN, clock("PO-3").state());

		journaled("acme", "IN", "855", "PO-3", T0.plusSeconds(180), "PARTIAL");
		checkAt(T0.plusSeconds(240));
		assertEquals(SlaClocks.State.MET, clock("PO-3").state(), "a partly applied 855 is still the 855");
	}

	@Test
	void theShipNoticeIsDueByThePosRequestedDate() throws Exception {
		rule("sla.acme.850.856", SlaRules.REQUESTED_DATE);
		store.inTransaction(c -> {
			new PurchaseOrders().insert(c, TENANT, new PurchaseOrders.Header("PO-4", "acme", "SENT",
					LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-27"), "USD", "ATL", null),
					List.of(new PurchaseOrders.Line(1, "HS-100101", "AF-HX-0616", new BigDecimal("5000"), "EA",
							new BigDecimal("0.0825"), null, null, null, null, new BigDecimal("0.0825"), BigDecimal.ZERO)));
			return null;
		});
		journaled("acme", "OUT", "850", "PO-4", T0, "SENT");
		checkAt(T0.plusSeconds(1));

		SlaClocks.Clock asn = store.inTransaction(c -> new SlaClocks(store.dialect()).list(c, TENANT,
				new SlaClocks.Filter(EnumSet.of(SlaClocks.State.OPEN), false, "acme", "850"), 0, 10)).stream()
				.filter(c -> c.replyType().equals("856")).findFirst().orElseThrow();
		assertEquals(OffsetDateTime.parse("2026-11-28T00:00:00Z").toInstant(), asn.dueAt().toInstant(),
				"by the end of the requested day");
	}

	@Test
	void malformedRulesAreRefusedByName() {
		IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
				() -> SlaRules.parse("sla.acme.850", "PT24H"));
		assertTrue(name.getMessage().contains("sla.<partner>.<document>.<reply>"), name.getMessage());
		IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
				() -> SlaRules.parse("sla.acme.850.855", "24 hours"));
		assertTrue(value.getMessage().contains("'24 hours' is neither an ISO-8601 duration"), value.getMessage());
		assertThrows(IllegalArgumentException.class, () -> SlaRules.parse("sla.acme.850.855", "-PT1H"));
		assertEquals(Duration.ofHours(48), SlaRules.parse("sla.acme.850.855", "P2D").within());
	}
}
