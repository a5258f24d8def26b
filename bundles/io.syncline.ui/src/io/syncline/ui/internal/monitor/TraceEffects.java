package io.syncline.ui.internal.monitor;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.MessageSummary;

/** What a trace says in words: the chain in one line, each document's stages, and what it did to the documents. */
final class TraceEffects {

	private TraceEffects() {
	}

	/**
	 * {@code PO-45001: 5 documents, 850 → 997 → 855 → 856 → 810, over 3.2 h}; for none, whether the journal was purged
	 * before {@code purgedBefore} (null: never), where the key may have been.
	 */
	static String summary(String key, List<MessageSummary> chain, java.time.Instant purgedBefore) {
		if (chain.isEmpty()) {
			return purgedBefore == null ? "No message names " + key + "."
					: "No message names " + key + " since " + MessageText.date(purgedBefore) + ": journal rows received "
							+ "before then were purged by the tenant's retention policy.";
		}
		String path = chain.stream().map(MessageSummary::documentType).collect(Collectors.joining(" → "));
		MessageSummary first = chain.get(0);
		MessageSummary last = chain.get(chain.size() - 1);
		String span = first.receivedAt() == null || last.receivedAt() == null ? ""
				: ", over " + MessageText.duration(Duration.between(first.receivedAt(), last.receivedAt()));
		long failed = chain.stream().filter(m -> "FAILED".equals(m.status())).count();
		return key + ": " + chain.size() + (chain.size() == 1 ? " document, " : " documents, ") + path + span
				+ (failed > 0 ? ", " + failed + " failed" : "");
	}

	/** {@code received 10:00:01 → applied +120 ms}, or where it stopped. */
	static String stages(MessageSummary row) {
		StringBuilder text = new StringBuilder("received ").append(MessageText.time(row.receivedAt()));
		if (row.appliedAt() != null) {
			text.append(" → ").append("SENT".equals(row.status()) ? "sent" : "applied").append(" +")
					.append(MessageText.latency(row));
		} else {
			text.append(" → ").append(row.status().toLowerCase());
		}
		if (row.resubmitOf() != null) {
			text.append(" (resubmit of ").append(row.resubmitOf()).append(')');
		}
		return text.toString();
	}

	/** Each order, ship notice and invoice the chain names, as the store holds it now. */
	static String of(IntegrationRuntime runtime, List<MessageSummary> chain) {
		Set<String> wanted = new LinkedHashSet<>();
		for (MessageSummary row : chain) {
			for (BusinessDocument.Type type : BusinessDocument.Type.values()) {
				String values = row.businessKeys().get(type.name());
				if (values != null) {
					for (String value : values.split(", ")) {
						wanted.add(type.name() + "\u0000" + value);
					}
				}
			}
		}
		StringBuilder text = new StringBuilder();
		for (String each : wanted) {
			String[] parts = each.split("\u0000");
			Optional<BusinessDocument> document = runtime.document(BusinessDocument.Type.valueOf(parts[0]), parts[1]);
			document.ifPresent(found -> describe(found, text));
		}
		return text.length() == 0 ? "The chain names no order, ship notice or invoice the store holds." : text.toString();
	}

	private static void describe(BusinessDocument document, StringBuilder text) {
		text.append(document.type()).append(' ').append(document.key()).append(": ").append(document.status())
				.append('\n');
		for (Map.Entry<String, Object> field : document.header().entrySet()) {
			if (field.getValue() != null) {
				text.append("  ").append(field.getKey()).append(": ").append(field.getValue()).append('\n');
			}
		}
		int number = 1;
		for (Map<String, Object> line : document.lines()) {
			text.append("  line ").append(number++).append(": ").append(line.entrySet().stream()
					.filter(e -> e.getValue() != null).map(e -> e.getKey() + " " + e.getValue())
					.collect(Collectors.joining(", "))).append('\n');
		}
		text.append('\n');
	}
}
