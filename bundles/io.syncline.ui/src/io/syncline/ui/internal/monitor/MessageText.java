package io.syncline.ui.internal.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.syncline.runtime.api.MessageSummary;

/** How a journal row reads in the monitor and the trace: the same words in every column, cell and screen reader. */
public final class MessageText {

	/** The key a row's trace opens with: the purchase order first, as the document chain hangs off it. */
	private static final List<String> TRACE_ORDER = List.of("PO", "SO", "ASN", "INVOICE", "TRACKING", "SKU");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ROOT)
			.withZone(java.time.ZoneId.systemDefault());
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneId.systemDefault());

	private MessageText() {
	}

	public static String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

	/** {@code Mar 3, 2027}, in the console's time zone. */
	public static String date(Instant at) {
		return at == null ? "" : DATE.format(at);
	}

	/** {@code PO PO-45001 · SO SO-1001}, in the order a support person looks for them. */
	public static String keys(MessageSummary row) {
		return row.businessKeys().entrySet().stream().filter(key -> !CHANNEL_KEYS.contains(key.getKey())).sorted((a, b) -> Integer.compare(rank(a.getKey()), rank(b.getKey())))
				.map(key -> key.getKey() + " " + key.getValue()).collect(Collectors.joining(" · "));
	}

	/** Keys that say how a message came, not what it is about: shown as "Via", not among the business keys. */
	private static final java.util.Set<String> CHANNEL_KEYS = java.util.Set.of("ENDPOINT", "INBOX");

	/**
	 * How a message came or went: the endpoint it came through, the inbox folder, or the API (outbound documents
	 * leave through the partner's outbox and endpoints out).
	 */
	public static String via(MessageSummary row) {
		String endpoint = row.businessKeys().get("ENDPOINT");
		if (endpoint != null) {
			return endpoint;
		}
		if ("OUT".equals(row.direction())) {
			return "outbox";
		}
		return row.businessKeys().containsKey("INBOX") ? "inbox folder" : "API";
	}

	private static int rank(String type) {
		int rank = TRACE_ORDER.indexOf(type);
		return rank < 0 ? TRACE_ORDER.size() : rank;
	}

	/** The business key to open a trace with, or null for a message without one. */
	public static String traceKey(MessageSummary row) {
		Map<String, String> keys = row.businessKeys();
		for (String type : TRACE_ORDER) {
			String value = keys.get(type);
			if (value != null && !value.isBlank()) {
				return value.split(", ")[0];
			}
		}
		return keys.values().stream().filter(v -> !v.isBlank()).map(v -> v.split(", ")[0]).findFirst().orElse(null);
	}

	/** The status, with the progress of a large message under way and an SLA breach said in words, not colour. */
	public static String status(MessageSummary row, boolean slaBreached) {
		StringBuilder text = new StringBuilder(row.status());
		if (row.progress() != null && "RECEIVED".equals(row.status())) {
			text.append(' ').append(row.progress().percent()).append(" % (").append(row.progress().records())
					.append(" records)");
		}
		if (slaBreached) {
			text.append(" · SLA breached");
		}
		return text.toString();
	}

	/** Receipt to applied: {@code 120 ms}, {@code 4.2 s}, {@code 3 min}; empty while not applied. */
	public static String latency(MessageSummary row) {
		if (row.receivedAt() == null || row.appliedAt() == null) {
			return "";
		}
		return duration(Duration.between(row.receivedAt(), row.appliedAt()));
	}

	public static String duration(Duration duration) {
		long millis = Math.max(0, duration.toMillis());
		if (millis < 1_000) {
			return millis + " ms";
		}
		if (millis < 60_000) {
			return String.format("%.1f s", millis / 1000.0);
		}
		if (millis < 3_600_000) {
			return millis / 60_000 + " min";
		}
		return String.format("%.1f h", millis / 3_600_000.0);
	}

	/** Whether any of the row's business keys has a breached SLA clock. */
	public static boolean breached(MessageSummary row, Set<String> breachedKeys) {
		if (breachedKeys.isEmpty()) {
			return false;
		}
		for (String values : row.businessKeys().values()) {
			for (String value : values.split(", ")) {
				if (breachedKeys.contains(value)) {
					return true;
				}
			}
		}
		return false;
	}
}
