package io.syncline.mapping;

import java.util.Map;

import io.syncline.mapping.functions.UomCatalog;

/**
 * What a mapping needs from outside itself: how to resolve references, items' units of measure, and lookup tables
 * kept outside the mapping (cross-references maintained by the tenant).
 */
public record MappingEnvironment(ReferenceResolver references, UomCatalog uoms,
		Map<String, Map<String, String>> lookups) {

	/** For offline runs without a store: references become detached objects that carry just their key. */
	public static MappingEnvironment offline() {
		return new MappingEnvironment(new KeyOnlyReferences(), UomCatalog.empty(), Map.of());
	}
}
