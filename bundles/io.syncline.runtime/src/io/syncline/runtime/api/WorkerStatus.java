package io.syncline.runtime.api;

import java.time.Instant;

/**
 * A background worker of a runtime (the inbox, the retries, the SLA checker) and how it stands: idle, busy with a
 * unit of work, or stuck, holding a unit longer than its bound without progress. {@code unit} says what the
 * longest-held unit is (a tenant's partner and its files); {@code busySince} and {@code lastProgress} are null when
 * idle.
 */
public record WorkerStatus(String name, State state, String unit, Instant busySince, Instant lastProgress,
		long stuckAfterMillis, int abandoned) {

	public enum State {
		IDLE, BUSY, STUCK
	}

	public boolean stuck() {
		return state == State.STUCK;
	}
}
