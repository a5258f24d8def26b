package io.syncline.runtime.api;

import java.time.Instant;
import java.util.Map;

/**
 * A journal row: one message in or out, its stages and business keys (PO, SO, ASN, INVOICE, TRACKING, …);
 * {@code payloadPurgedAt} is when the tenant's retention policy emptied its payload (the row and keys stay), or null.
 */
public record MessageSummary(long id, String partnerId, String flow, String direction, String documentType,
		String sourceName, String status, String chainId, Integer mappingVersion, Long resubmitOf, Instant receivedAt,
		Instant appliedAt, long payloadSize, Map<String, String> businessKeys, MessageProgress progress,
		Instant payloadPurgedAt) {

	public MessageSummary {
		businessKeys = businessKeys == null ? Map.of() : Map.copyOf(businessKeys);
	}

	/** A message with no progress to show (a small document, or one not yet started). */
	public MessageSummary(long id, String partnerId, String flow, String direction, String documentType,
			String sourceName, String status, String chainId, Integer mappingVersion, Long resubmitOf,
			Instant receivedAt, Instant appliedAt, long payloadSize, Map<String, String> businessKeys) {
		this(id, partnerId, flow, direction, documentType, sourceName, status, chainId, mappingVersion, resubmitOf,
				receivedAt, appliedAt, payloadSize, businessKeys, null, null);
	}

	/** A message whose payload is kept. */
	public MessageSummary(long id, String partnerId, String flow, String direction, String documentType,
			String sourceName, String status, String chainId, Integer mappingVersion, Long resubmitOf,
			Instant receivedAt, Instant appliedAt, long payloadSize, Map<String, String> businessKeys,
			MessageProgress progress) {
		this(id, partnerId, flow, direction, documentType, sourceName, status, chainId, mappingVersion, resubmitOf,
				receivedAt, appliedAt, payloadSize, businessKeys, progress, null);
	}
}
