package io.syncline.store;

import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a tenant keeps what its messages leave behind, from its rules {@code retention.*}: an ISO-8601 period
 * ({@code P90D}, {@code P13M}, {@code P7Y}) or {@code never}. A period left unset is the default, what a
 * distributor's partner would choose: payloads of finished messages 90 days (the journal row stays, with its keys);
 * journal rows and closed exceptions 400 days (a year and a season, for a year-on-year dispute); idempotency keys as
 * long as the journal (a partner's resend of a file still journaled is still caught); audit 7 years (tax and
 * customs records). Open exceptions are never purged, whatever the policy. A null period is {@code never}.
 */
public record RetentionPolicy(Period payloads, Period journal, Period exceptions, Period idempotencyKeys,
		Period audit) {

	public static final String PREFIX = "retention.";
	public static final String PAYLOADS = PREFIX + "payloads";
	public static final String JOURNAL = PREFIX + "journal";
	public static final String EXCEPTIONS = PREFIX + "exceptions";
	public static final String IDEMPOTENCY_KEYS = PREFIX + "idempotencyKeys";
	public static final String AUDIT = PREFIX + "audit";

	public static final RetentionPolicy DEFAULT = new RetentionPolicy(Period.ofDays(90), Period.ofDays(400),
			Period.ofDays(400), Period.ofDays(400), Period.ofYears(7));

	private static final String NEVER = "never";

	public static boolean isRetentionRule(String key) {
		return key != null && key.startsWith(PREFIX);
	}

	/** The policy the tenant's rules say, each period unset taken from {@link #DEFAULT}; a bad value is refused. */
	public static RetentionPolicy of(Map<String, String> rules) {
		return new RetentionPolicy(period(rules, PAYLOADS, DEFAULT.payloads), period(rules, JOURNAL, DEFAULT.journal),
				period(rules, EXCEPTIONS, DEFAULT.exceptions), period(rules, IDEMPOTENCY_KEYS, DEFAULT.idempotencyKeys),
				period(rules, AUDIT, DEFAULT.audit));
	}

	/** Refuses a key that is no retention rule, or a value that is no period, with what would be accepted. */
	public static void check(String key, String value) {
		if (!DEFAULT.asRules().containsKey(key)) {
			throw new IllegalArgumentException("no such rule " + key + " (" + String.join(", ", DEFAULT.asRules().keySet())
					+ ")");
		}
		if (value != null) {
			parse(key, value);
		}
	}

	/** The policy as rules, every key with its value, for a person to read. */
	public Map<String, String> asRules() {
		Map<String, String> rules = new LinkedHashMap<>();
		rules.put(PAYLOADS, text(payloads));
		rules.put(JOURNAL, text(journal));
		rules.put(EXCEPTIONS, text(exceptions));
		rules.put(IDEMPOTENCY_KEYS, text(idempotencyKeys));
		rules.put(AUDIT, text(audit));
		return rules;
	}

	/** What was made before this is past the period at {@code now}; null for a period that is never. */
	public static OffsetDateTime cutoff(Period period, OffsetDateTime now) {
		return period == null ? null : now.minus(period);
	}

	private static Period period(Map<String, String> rules, String key, Period fallback) {
		String value = rules.get(key);
		return value == null ? fallback : parse(key, value);
	}

	private static Period parse(String key, String value) {
		String text = value.strip();
		if (text.equalsIgnoreCase(NEVER)) {
			return null;
		}
		try {
			Period period = Period.parse(text);
			if (period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException(key + " = " + value + ": a period keeps something for at least a "
						+ "day (P1D), or never");
			}
			return period;
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException(key + " = " + value + " is not a period: P90D, P13M, P7Y or never",
					e);
		}
	}

	private static String text(Period period) {
		return period == null ? NEVER : period.toString();
	}
}
