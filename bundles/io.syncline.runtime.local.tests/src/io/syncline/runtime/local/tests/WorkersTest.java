package io.syncline.runtime.local.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.syncline.runtime.api.WorkerStatus;
import io.syncline.runtime.local.PartnerLanes;
import io.syncline.runtime.local.Workers;

/**
 * The runtime's watch on its background workers: a unit held past its bound without progress is reported once and
 * again when it moves; and a partner's work that goes far past the bound is abandoned, so the other partners go on
 * while its own later files wait behind it.
 */
class WorkersTest {

	/** A clock the test moves. */
	private static final class Moving extends Clock {
		private volatile Instant now = Instant.parse("2026-12-07T10:00:00Z");

		void pass(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}

	private final Moving clock = new Moving();
	private final Workers workers = new Workers(clock);
	private final List<String> heard = new CopyOnWriteArrayList<>();

	WorkersTest() {
		workers.addListener(new Workers.Listener() {
			@Override
			public void stuck(String worker, Workers.Unit unit, Duration withoutProgress) {
				heard.add("stuck " + worker + " " + unit.what() + " " + withoutProgress.toSeconds());
			}

			@Override
			public void recovered(String worker, Workers.Unit unit, Duration stuckFor) {
				heard.add("moved " + worker + " " + unit.what() + " " + stuckFor.toSeconds());
			}
		});
	}

	@Test
	void aUnitPastItsBoundWithoutProgressIsReportedOnceAndAgainWhenItMoves() {
		Workers.Worker inbox = workers.register("inbox", Duration.ofSeconds(60));
		assertEquals(WorkerStatus.State.IDLE, workers.statuses().get(0).state());

		try (Workers.Unit unit = inbox.begin("harbor", "harbor/bigbox: 1 file(s) from order-1.edi")) {
			clock.pass(Duration.ofSeconds(59));
			assertEquals(List.of(), workers.check(), "within its bound");
			assertEquals(WorkerStatus.State.BUSY, workers.statuses().get(0).state());

			clock.pass(Duration.ofSeconds(2));
			assertEquals(List.of(unit), workers.check());
			workers.check();
			assertEquals(List.of("stuck inbox harbor/bigbox: 1 file(s) from order-1.edi 61"), heard, "told once");
			WorkerStatus stuck = workers.statuses().get(0);
			assertEquals(WorkerStatus.State.STUCK, stuck.state());
			assertEquals("harbor/bigbox: 1 file(s) from order-1.edi", stuck.unit());
			assertTrue(stuck.stuck());

			clock.pass(Duration.ofSeconds(30));
			workers.progressed(); // as a large file's committed chunk tells it, on the unit's own thread
			assertEquals("moved inbox harbor/bigbox: 1 file(s) from order-1.edi 91", heard.get(1));
			assertEquals(WorkerStatus.State.BUSY, workers.statuses().get(0).state());
		}
		assertEquals(WorkerStatus.State.IDLE, workers.statuses().get(0).state());
		assertNull(workers.statuses().get(0).unit());
		assertEquals(2, heard.size());
	}

	@Test
	void aUnitThatEndsWhileStuckIsToldEnded() {
		Workers.Worker sla = workers.register("sla", Duration.ofSeconds(10));
		Workers.Unit unit = sla.begin("harbor", "SLA clocks of harbor");
		clock.pass(Duration.ofSeconds(11));
		workers.check();
		unit.close();
		assertEquals(List.of("stuck sla SLA clocks of harbor 11", "moved sla SLA clocks of harbor 11"), heard);
		assertEquals(WorkerStatus.State.IDLE, workers.statuses().get(0).state());
	}

	@Test
	void aPartnersWorkFarPastTheBoundIsAbandonedAndOnlyThatPartnerWaits() throws Exception {
		Workers real = new Workers();
		Workers.Worker inbox = real.register("inbox", Duration.ofMillis(200));
		real.startWatching();
		CountDownLatch release = new CountDownLatch(1);
		try (PartnerLanes lanes = PartnerLanes.watched(inbox, Duration.ofMillis(600))) {
			List<String> threads = new CopyOnWriteArrayList<>();
			Optional<String> stuck = lanes.run("harbor", "bigbox", "1 file(s)", () -> {
				threads.add(Thread.currentThread().getName());
				release.await(30, TimeUnit.SECONDS);
				return "bigbox done";
			});
			assertEquals(Optional.empty(), stuck, "abandoned: the poll stopped waiting for it");
			assertEquals(1, real.statuses().get(0).abandoned());
			assertEquals(WorkerStatus.State.STUCK, real.statuses().get(0).state());

			assertEquals(Optional.of("wms done"), lanes.run("harbor", "wms", "200 file(s)", () -> {
				threads.add(Thread.currentThread().getName());
				return "wms done";
			}), "another partner goes on");
			assertNotEquals(threads.get(0), threads.get(1), "on another thread");
			assertEquals(Optional.empty(), lanes.run("harbor", "bigbox", "2 file(s)", () -> "taken too early"),
					"the stuck partner's later files wait behind it");

			release.countDown();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			Optional<String> after;
			do {
				Thread.sleep(20);
				after = lanes.run("harbor", "bigbox", "2 file(s)", () -> "bigbox again");
			} while (after.isEmpty() && System.nanoTime() < deadline);
			assertEquals(Optional.of("bigbox again"), after, "once its work ended, the partner runs again");
			assertEquals(WorkerStatus.State.IDLE, real.statuses().get(0).state());
		} finally {
			release.countDown();
			real.close();
		}
	}
}
