package io.syncline.runtime.local.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import io.syncline.engine.Ingestion;
import io.syncline.runtime.api.AtpExplanation;
import io.syncline.runtime.api.AuditEntry;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.MappingVersion;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.store.AuditLog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.Inventory;
import io.syncline.store.MappingVersions;
import io.syncline.store.MessageJournal;

/** Store and engine rows as the API's plain records. */
public final class Dtos {

	private Dtos() {
	}

	public static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	public static MessageSummary message(MessageJournal.Message row, Map<String, String> keys) {
		return new MessageSummary(row.id(), row.partnerId(), row.flow(), row.direction(), row.documentType(),
				row.sourceName(), row.status(), row.chainId(), row.mappingVersion(), row.resubmitOf(),
				instant(row.receivedAt()), instant(row.appliedAt()), row.payloadSize(), keys,
				row.checkpointRecords() == null ? null
						: new io.syncline.runtime.api.MessageProgress(row.checkpointRecords(),
								row.checkpointBytes() == null ? 0 : row.checkpointBytes(), row.payloadSize()),
				instant(row.payloadPurgedAt()));
	}

	public static ExceptionSummary exception(ExceptionQueue.Item item) {
		return new ExceptionSummary(item.id(), item.messageId(), item.kind(), item.businessKey(), item.location(),
				item.detail(), item.state().name(), item.attempts(), instant(item.nextRetryAt()), item.assignee(),
				instant(item.createdAt()));
	}

	public static AuditEntry audit(AuditLog.Entry entry) {
		return new AuditEntry(entry.id(), entry.actor(), instant(entry.at()), entry.action(), entry.subject(),
				entry.before(), entry.after(), entry.reason());
	}

	public static SubmitResult submitted(Ingestion.Result result) {
		return new SubmitResult(result.messageId(), result.partner(), result.documentType(), result.status(),
				result.records(), result.outcomes(), result.problems());
	}

	public static AtpExplanation.Change atpChange(Inventory.AtpChange change) {
		return new AtpExplanation.Change(instant(change.at()), change.cause(), change.reference(), change.before(),
				change.after(), change.detail());
	}

	public static MappingVersion mappingVersion(MappingVersions.Version version) {
		return new MappingVersion(version.mappingName(), version.version(), version.author(),
				instant(version.publishedAt()), version.comment(), version.sha256());
	}
}
