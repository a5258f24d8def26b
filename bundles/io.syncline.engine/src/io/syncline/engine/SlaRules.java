package io.syncline.engine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tenant's SLA rules: {@code sla.<partner>.<document>.<reply>} = how soon the reply is due after the document, as
 * an ISO-8601 duration ({@code sla.acme.850.997 = PT24H}), or {@code requested-date}: by the end of the day the
 * document asks for (the PO's requested date, UTC), as for "the 856 before the PO's requested date".
 */
public record SlaRules(List<Rule> rules) {

	public static final String PREFIX = "sla.";
	public static final String REQUESTED_DATE = "requested-date";

	/** One document pair: {@code reply} from or to {@code partner}, due {@code within} or by the requested date. */
	public record Rule(String key, String partnerId, String documentType, String replyType, String value,
			Duration within) {

		public boolean byRequestedDate() {
			return within == null;
		}
	}

	public static boolean isSlaRule(String key) {
		return key.startsWith(PREFIX);
	}

	/** The SLA rules among a tenant's rules; a malformed one is refused by name. */
	public static SlaRules of(Map<String, String> tenantRules) {
		List<Rule> rules = new ArrayList<>();
		tenantRules.forEach((key, value) -> {
			if (isSlaRule(key)) {
				rules.add(parse(key, value));
			}
		});
		return new SlaRules(List.copyOf(rules));
	}

	public static Rule parse(String key, String value) {
		String[] parts = key.substring(PREFIX.length()).split("\\.");
		if (parts.length != 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException("an SLA rule is named sla.<partner>.<document>.<reply>, such as "
					+ "sla.acme.850.997, not " + key);
		}
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(key + ": give the time allowed (an ISO-8601 duration such as PT24H) or "
					+ REQUESTED_DATE);
		}
		if (value.strip().equals(REQUESTED_DATE)) {
			return new Rule(key, parts[0], parts[1], parts[2], REQUESTED_DATE, null);
		}
		try {
			Duration within = Duration.parse(value.strip());
			if (within.isNegative() || within.isZero()) {
				throw new IllegalArgumentException(key + ": the time allowed must be positive, not " + value);
			}
			return new Rule(key, parts[0], parts[1], parts[2], value.strip(), within);
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException(key + ": '" + value + "' is neither an ISO-8601 duration (PT24H, P2D, "
					+ "PT30M) nor " + REQUESTED_DATE, e);
		}
	}

	/** The rules whose clock this document starts. */
	public List<Rule> startedBy(String partnerId, String documentType) {
		return rules.stream().filter(r -> r.partnerId().equals(partnerId) && r.documentType().equals(documentType))
				.toList();
	}

	public boolean isEmpty() {
		return rules.isEmpty();
	}
}
