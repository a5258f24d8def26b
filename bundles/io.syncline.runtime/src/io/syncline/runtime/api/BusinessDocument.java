package io.syncline.runtime.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business document as the store holds it now (a purchase order, sales order, ship notice or invoice): its key,
 * status, header fields and lines, as plain values (text, numbers, ISO dates) a view or script can show.
 */
public record BusinessDocument(Type type, String key, String status, Map<String, Object> header,
		List<Map<String, Object>> lines) {

	public enum Type {
		PO, SO, ASN, INVOICE
	}

	/** Fields keep their order; absent values stay as null, so a view can show an empty cell. */
	public BusinessDocument {
		header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
		lines = lines.stream().<Map<String, Object>>map(line -> Collections.unmodifiableMap(new LinkedHashMap<>(line)))
				.toList();
	}
}
