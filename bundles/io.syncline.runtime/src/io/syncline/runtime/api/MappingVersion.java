package io.syncline.runtime.api;

import java.time.Instant;

/** One published version of a mapping. */
public record MappingVersion(String mappingName, int version, String author, Instant publishedAt, String comment,
		String sha256) {
}
