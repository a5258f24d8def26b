package io.syncline.runtime.api;

import java.time.Instant;
import java.util.List;

/**
 * How a runtime stands, for a connections list: its version, since when it runs, how many tenants the principal
 * sees, in the runtime's current tenant the journal's size and the exceptions open, and its background workers
 * (none where nothing runs in the background, as in the console's own runtime before it serves), and the tenant's
 * retention policy with what its latest purge removed.
 */
public record RuntimeStatus(String version, Instant startedAt, String tenantId, int tenants, long journalSize,
		long openExceptions, List<WorkerStatus> workers, RetentionStatus retention) {

	public RuntimeStatus {
		workers = workers == null ? List.of() : List.copyOf(workers);
	}

	/** A status that says nothing of retention (a runtime before it). */
	public RuntimeStatus(String version, Instant startedAt, String tenantId, int tenants, long journalSize,
			long openExceptions, List<WorkerStatus> workers) {
		this(version, startedAt, tenantId, tenants, journalSize, openExceptions, workers, null);
	}

	/** The workers holding a unit of work past their bound. */
	public List<WorkerStatus> stuckWorkers() {
		return workers.stream().filter(WorkerStatus::stuck).toList();
	}
}
