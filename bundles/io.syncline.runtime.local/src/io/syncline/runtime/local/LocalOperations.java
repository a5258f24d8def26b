package io.syncline.runtime.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncline.engine.Ingestion;
import io.syncline.engine.SlaWatch;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.local.internal.Dtos;

import static io.syncline.runtime.local.internal.Calls.call;

/**
 * What the process hosting a tenant's runtime does with it beyond the {@code IntegrationRuntime} API, as the
 * runtime itself (no principal: these are the host's own work): files of any size, inbox claims, due retries,
 * resuming after a stop, SLA checks.
 */
public final class LocalOperations {

	private final TenantParts parts;

	private final java.util.function.Consumer<String> refuseWhenDiskFull;

	LocalOperations(TenantParts parts, java.util.function.Consumer<String> refuseWhenDiskFull) {
		this.parts = parts;
		this.refuseWhenDiskFull = refuseWhenDiskFull;
	}

	/**
	 * Submits a file of any size: one too large to hold is journaled and applied as a stream, in chunks with
	 * checkpoints, announcing its progress as {@link RuntimeEvent.Type#MESSAGE_PROGRESS} events.
	 */
	public SubmitResult submitFile(String partnerId, String documentType, Path file) {
		return submitFile(partnerId, documentType, file.getFileName().toString(), file, Map.of());
	}

	/** As {@link #submitFile(String, String, Path)}, under another name, with keys known before (an inbox claim). */
	SubmitResult submitFile(String partnerId, String documentType, String sourceName, Path file,
			Map<String, String> keys) {
		refuseWhenDiskFull.accept("take " + sourceName);
		Ingestion.Result result = call("submit " + sourceName,
				() -> parts.ingestion.ingest(partnerId, documentType, sourceName, file, keys));
		parts.announce(result);
		return Dtos.submitted(result);
	}

	/**
	 * Journals what a transport picked up and claims the pickup in the same transaction (see
	 * {@link Ingestion#receive}); the message id, or empty when it was claimed before.
	 */
	java.util.OptionalLong receive(String partnerId, String sourceName, java.io.InputStream content,
			Map<String, String> keys, Ingestion.PickupClaim claim) {
		refuseWhenDiskFull.accept("take " + sourceName);
		return call("receive " + sourceName,
				() -> parts.ingestion.receive(partnerId, sourceName, content, keys, claim));
	}

	/** Processes messages a transport journaled, in the order given; what each did. */
	List<SubmitResult> processReceived(List<Long> messageIds) {
		return messageIds.stream().map(parts.recovery::processReceived).toList();
	}

	/** Whether the store answers a query within {@code timeout}: what readiness needs of it. */
	public boolean storeAnswers(java.time.Duration timeout) {
		try {
			return parts.store.read(connection -> {
				try (var ping = connection.createStatement()) {
					ping.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
					ping.execute("SELECT 1");
					return true;
				}
			});
		} catch (java.sql.SQLException | RuntimeException e) {
			return false;
		}
	}

	/**
	 * Backs the store up while the runtime works, consistent as of one commit (H2; PostgreSQL is backed up with
	 * pg_dump, and this says so); returns the backup's size.
	 */
	public long backupTo(Path target) {
		return call("back the store up to " + target, () -> parts.store.backupTo(target));
	}

	/** Files from this size on are streamed (see {@link Ingestion#streamFrom()}). */
	public long streamFrom() {
		return parts.ingestion.streamFrom();
	}

	/** See {@link Recovery#submitClaimed(List)}. */
	List<SubmitResult> submitClaimed(List<Ingestion.Document> documents) {
		return parts.recovery.submitClaimed(documents);
	}

	/** See {@link Recovery#abandonsOf(String)}. */
	io.syncline.store.InboxClaims.Abandons abandonsOf(String claimId) {
		return parts.recovery.abandonsOf(claimId);
	}

	/** See {@link Recovery#quarantineClaim}. */
	SubmitResult quarantineClaim(String partner, String name, String claimId, Path file,
			io.syncline.store.InboxClaims.Abandons abandons) {
		return parts.recovery.quarantineClaim(partner, name, claimId, file, abandons);
	}

	/** See {@link Recovery#finishClaim(String)}. */
	Optional<SubmitResult> finishClaim(String claimId) {
		return parts.recovery.finishClaim(claimId);
	}

	/**
	 * Tries again every record whose retry is due at {@code now}, then lets through, in the order they came, the
	 * messages held back behind keys that no longer wait. Returns what each resumed message did.
	 */
	public List<SubmitResult> retryDue(Instant now) {
		return parts.recovery.retryDue(now);
	}

	/**
	 * Finishes every message journaled but left unfinished by a stop (API submits as well as inbox files), and
	 * delivers outbound documents committed but not yet in the outbox.
	 */
	public List<SubmitResult> resumeUnfinished() {
		return parts.recovery.resumeUnfinished();
	}

	/**
	 * Starts and stops SLA clocks from what was journaled since the last check, then warns of and breaches what is
	 * due, an event for each; {@code serve} runs it on a schedule.
	 */
	public SlaWatch.Checked checkSlaClocks() {
		return call("check SLA clocks", parts.sla::check);
	}

	/**
	 * Purges what the tenant's retention policy no longer keeps, in small batches, and tells subscribers what went
	 * ({@link RuntimeEvent.Type#RETENTION_PURGED}); {@code serve} runs it on a schedule.
	 */
	public io.syncline.store.Retention.Run purge() {
		return purge(() -> false);
	}

	/** As {@link #purge()}, stopping between two batches once {@code stopWhen} says so (the runtime stops). */
	public io.syncline.store.Retention.Run purge(java.util.function.BooleanSupplier stopWhen) {
		return call("purge by the retention policy of " + parts.tenantId, () -> parts.retention.purge(stopWhen));
	}

	/** As {@link #purge()} as of {@code now}, without pauses: what a later day's purge will remove. */
	public io.syncline.store.Retention.Run purge(java.time.OffsetDateTime now) {
		return call("purge by the retention policy of " + parts.tenantId,
				() -> parts.retention.purge(now, java.time.Duration.ZERO, () -> false));
	}
}
