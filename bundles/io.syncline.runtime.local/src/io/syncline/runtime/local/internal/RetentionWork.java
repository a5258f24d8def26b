package io.syncline.runtime.local.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import io.syncline.runtime.api.RetentionStatus;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.store.Retention;
import io.syncline.store.RetentionPolicy;
import io.syncline.store.Store;
import io.syncline.store.StoreTime;
import io.syncline.store.TenantRules;

/**
 * A tenant's retention: its policy from its rules, a purge run that tells subscribers what it removed, and what the
 * connections list shows of it.
 */
public final class RetentionWork {

	/** Pause between two purge batches, so the pipeline's transactions pass first: {@code SYNCLINE_RETENTION_PAUSE_MS}. */
	private static final Duration PAUSE = Duration.ofMillis(
			Long.parseLong(System.getenv().getOrDefault("SYNCLINE_RETENTION_PAUSE_MS", "50")));

	private final String tenantId;
	private final Store store;
	private final EventBus events;
	private final TenantRules rules = new TenantRules();
	private final Runnable progressed;

	/** {@code progressed} is told after every batch, so a long purge is not taken for a stuck one. */
	public RetentionWork(String tenantId, Store store, EventBus events, Runnable progressed) {
		this.tenantId = tenantId;
		this.store = store;
		this.events = events;
		this.progressed = progressed;
	}

	public RetentionPolicy policy() throws SQLException {
		Map<String, String> all = store.read(connection -> rules.all(connection, tenantId));
		return RetentionPolicy.of(all);
	}

	/** Sets or removes a retention rule, audited, after checking its value. */
	public void setRule(String key, String value, String actor, String reason) throws SQLException {
		RetentionPolicy.check(key, value);
		store.inTransaction(connection -> {
			rules.put(connection, tenantId, key, value, actor, reason);
			return null;
		});
	}

	/** Purges as of now, in batches with a pause between them, until done or told to stop; an event says what went. */
	public Retention.Run purge(java.util.function.BooleanSupplier stopWhen) throws SQLException {
		return purge(StoreTime.now(), PAUSE, stopWhen);
	}

	/** Purges as of {@code now} (a test's later day), with {@code pause} between batches. */
	public Retention.Run purge(OffsetDateTime now, Duration pause, java.util.function.BooleanSupplier stopWhen)
			throws SQLException {
		Retention.Run run = new Retention(store, Retention.DEFAULT_BATCH, pause).afterEachBatch(progressed)
				.stopWhen(stopWhen).purge(tenantId, policy(), now);
		if (run.removed().any()) {
			events.publish(new RuntimeEvent(RuntimeEvent.Type.RETENTION_PURGED, run.finishedAt().toInstant(), null,
					null, null, null, null, "PURGED", run.removed().describe()));
		}
		return run;
	}

	public RetentionStatus status() throws SQLException {
		Retention retention = new Retention(store, Retention.DEFAULT_BATCH, Duration.ZERO);
		Retention.Run last = retention.lastRun(tenantId).orElse(null);
		OffsetDateTime before = retention.journalPurgedBefore(tenantId).orElse(null);
		return new RetentionStatus(policy().asRules(), last == null ? null : last.finishedAt().toInstant(),
				last == null ? 0 : last.removed().payloads(), last == null ? 0 : last.removed().payloadBytes(),
				last == null ? 0 : last.removed().rows(), before == null ? null : before.toInstant());
	}
}
