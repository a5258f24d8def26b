package io.syncline.runtime.wire;

import java.time.Instant;
import java.util.List;

import io.syncline.runtime.api.Decision;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.api.Role;

/** The JSON bodies of the API's calls that change something; each carries its reason where the call needs one. */
public final class Bodies {

	private Bodies() {
	}

	public record EditPayload(byte[] payload, String reason) {
	}

	public record Resubmit(Integer mappingVersion) {
	}

	/** A candidate payload to validate (null: the exception's current one), through a mapping version (null: published). */
	public record Validate(byte[] payload, Integer mappingVersion) {
	}

	/** Which exceptions a by-filter call takes (null means any); open ones only, always. */
	public record ExceptionFilter(String kind, String assignee, String partnerId, String state, Instant createdBefore) {

		public static ExceptionFilter of(ExceptionQuery query) {
			return new ExceptionFilter(query.kind(), query.assignee(), query.partnerId(), query.state(),
					query.createdBefore());
		}

		public ExceptionQuery query() {
			return new ExceptionQuery(true, kind, assignee, 0, 500, partnerId, state, createdBefore);
		}
	}

	public record RetryMatching(ExceptionFilter filter, boolean dryRun) {
	}

	public record DecideMatching(ExceptionFilter filter, Decision decision, String reason, boolean dryRun) {
	}

	public record Retry(List<Long> exceptionIds, boolean dryRun) {
	}

	public record Decide(Decision decision, String reason) {
	}

	public record Assign(String assignee) {
	}

	public record SetRule(String value, String reason) {
	}

	public record SavePartner(PartnerConfig partner, String reason) {
	}

	/** An endpoint to save, with the secrets to seal (named with a value: set; with an empty value: removed). */
	public record SaveEndpoint(io.syncline.runtime.api.EndpointConfig endpoint, java.util.Map<String, String> secrets,
			String reason) {
		/** Never printed with its secrets' values, should it be logged. */
		@Override
		public String toString() {
			return "SaveEndpoint[" + endpoint + ", secrets " + (secrets == null ? "[]" : secrets.keySet()) + ", "
					+ reason + "]";
		}
	}

	public record Reason(String reason) {
	}

	public record PublishMapping(byte[] synmap, String comment) {
	}

	/** A token to create: its role, and how long it is valid as ISO-8601 text (P30D, PT12H; null: 30 days). */
	public record CreateToken(String user, Role role, String validFor, String reason) {
	}

	public record RevokeToken(String reason) {
	}

	/** The number of positions a rule change moved. */
	public record RuleChanged(int positionsMoved) {
	}

	/** RFC 9457 problem details: what every error answers, never a stack trace. */
	public record Problem(String type, String title, int status, String detail) {
	}
}
