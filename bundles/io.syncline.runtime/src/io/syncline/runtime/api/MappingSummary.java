package io.syncline.runtime.api;

import java.time.Instant;

/**
 * A published mapping as its latest version says: whose partner's it is (null: any partner's), which way it maps
 * (INBOUND: a partner's format to the canonical model; OUTBOUND: the model to a partner's format), the source format
 * it reads and the target it makes, and who published that version, when and why.
 */
public record MappingSummary(String name, String partnerId, String direction, String sourceFormat, String target,
		int latestVersion, String author, Instant publishedAt, String comment) {
}
