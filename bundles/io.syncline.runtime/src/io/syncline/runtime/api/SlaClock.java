package io.syncline.runtime.api;

import java.time.Instant;

/**
 * A clock on a document pair: {@code replyType} due from (or to) {@code partnerId} for the {@code documentType} with
 * business key {@code businessKey}, by {@code dueAt}, as rule {@code sla.<partner>.<document>.<reply>} says.
 * {@code state} is OPEN, MET, MET_LATE or BREACHED (ran out, no reply yet); {@code dueSoon} once past 80 % of its
 * time; a breach links to its SLA_BREACH exception, and every clock to the messages that started and stopped it.
 */
public record SlaClock(long id, String partnerId, String documentType, String replyType, String businessKey,
		String rule, String state, boolean dueSoon, Instant startedAt, Instant dueAt, Instant stoppedAt,
		Long lateSeconds, long documentMessageId, Long replyMessageId, Long exceptionId) {
}
