package io.syncline.runtime.api;

import java.time.Instant;
import java.util.Map;

/** A journal row: one message in or out, its stages and business keys (PO, SO, ASN, INVOICE, TRACKING, …). */
public record MessageSummary(long id, String partnerId, String flow, String direction, String documentType,
		String sourceName, String status, String chainId, Integer mappingVersion, Long resubmitOf, Instant receivedAt,
		Instant appliedAt, long payloadSize, Map<String, String> businessKeys) {

	public MessageSummary {
		businessKeys = businessKeys == null ? Map.of() : Map.copyOf(businessKeys);
	}
}
