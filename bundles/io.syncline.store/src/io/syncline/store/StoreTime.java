package io.syncline.store;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The time written into the store's rows (received, applied, opened, audited). The system's clock, except in a
 * process that simulates months in minutes, as the retention bench does: there every row of the pipeline must carry
 * the simulated day, or a policy of 90 days could never be seen at work. Nothing in a served runtime sets it.
 */
public final class StoreTime {

	private static volatile Clock clock = Clock.systemUTC();

	private StoreTime() {
	}

	public static OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	public static Instant instant() {
		return clock.instant();
	}

	/** Simulated time for a bench or test (null: the system's again); the whole process writes it from now on. */
	public static void simulate(Clock simulated) {
		clock = simulated == null ? Clock.systemUTC() : simulated;
	}
}
