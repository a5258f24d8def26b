package io.syncline.runtime.api;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * A token to create in the runtime's tenant: the user it acts as, its role, how long it is valid (at most a year) and
 * why it is made, for the audit.
 */
public record NewToken(String user, Role role, Duration validFor, String reason) {

	public NewToken {
		if (user == null || user.isBlank()) {
			throw new IllegalArgumentException("field 'user': a token needs the user it acts as");
		}
		if (role == null) {
			throw new IllegalArgumentException("field 'role': VIEWER, OPERATOR, ANALYST or ADMIN");
		}
		if (validFor == null) {
			throw new IllegalArgumentException("field 'validFor': an ISO-8601 duration such as P30D or PT12H");
		}
	}

	/**
	 * How long a token is valid, from ISO-8601 text: a duration (P30D, PT12H, P1DT12H) or a period (P1M as 30 days,
	 * P1Y as 365); null is 30 days.
	 */
	public static Duration validity(String text) {
		if (text == null || text.isBlank()) {
			return Duration.ofDays(30);
		}
		try {
			return Duration.parse(text.strip());
		} catch (DateTimeParseException notADuration) {
			try {
				Period period = Period.parse(text.strip());
				return Duration.ofDays(period.getYears() * 365L + period.getMonths() * 30L + period.getDays());
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as P30D or PT12H");
			}
		}
	}
}
