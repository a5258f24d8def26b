package io.syncline.transport.http;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.syncline.transport.Endpoint;
import io.syncline.transport.TransportException;
import okhttp3.Response;

/**
 * What a partner's HTTP answer means for the call that got it: 2xx done; 429 and 503 wait as long as their
 * {@code Retry-After} says (seconds or an HTTP date; OkHttp does not honour it, okhttp #3665), then try again;
 * other 5xx and network failures are tried again with exponential backoff; any other status fails at once, with
 * the status and the start of the body in the error. Retries are Resilience4j's, so the attempts and their
 * pacing are a library's, not ours; a wait longer than an endpoint should hold a thread for ends the attempt and
 * leaves the wait to the runner.
 */
final class PartnerAnswers {

	/** The longest {@code Retry-After} waited out inside one delivery; longer ones go back to the runner. */
	static final Duration LONGEST_WAIT_HERE = Duration.ofSeconds(30);

	private PartnerAnswers() {
	}

	/** A failure worth trying again, and how long the partner asked to wait first (null: not said). */
	static final class TryAgain extends IOException {
		private static final long serialVersionUID = 1L;
		final transient Duration retryAfter;

		TryAgain(String message, Duration retryAfter) {
			super(message);
			this.retryAfter = retryAfter;
		}
	}

	/** The retry for an endpoint's calls: {@code attempts} in all, honouring Retry-After. */
	static Retry retry(Endpoint endpoint) {
		int attempts = Math.max(1, endpoint.intSetting("attempts", 4));
		IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(Duration.ofMillis(500), 2,
				Duration.ofSeconds(10));
		RetryConfig config = RetryConfig.custom().maxAttempts(attempts)
				.retryOnException(failure -> failure instanceof IOException && !(failure instanceof Final))
				.intervalBiFunction((attempt, outcome) -> {
					if (outcome.isLeft() && outcome.getLeft() instanceof TryAgain again && again.retryAfter != null) {
						return again.retryAfter.toMillis();
					}
					return backoff.apply(attempt);
				}).build();
		return Retry.of(endpoint.tenantId() + "/" + endpoint.id(), config);
	}

	/** A failure not worth trying again (a 400, a 401): said at once. */
	static class Final extends IOException {
		private static final long serialVersionUID = 1L;

		Final(String message) {
			super(message);
		}
	}

	/** Checks an answer: returns for 2xx, else throws what the retry should make of it. */
	static void check(Response response, String what) throws IOException {
		int status = response.code();
		if (status >= 200 && status < 300) {
			return;
		}
		String body = excerpt(response);
		String said = what + ": HTTP " + status + (body.isEmpty() ? "" : " «" + body + "»");
		if (status == 429 || status == 503) {
			Duration wait = retryAfter(response.header("Retry-After"));
			if (wait != null && wait.compareTo(LONGEST_WAIT_HERE) > 0) {
				throw new WaitLonger(said + "; the partner asked to wait " + wait.toSeconds() + " s", wait);
			}
			throw new TryAgain(said, wait);
		}
		if (status >= 500 || status == 408) {
			throw new TryAgain(said, null);
		}
		throw new Final(said);
	}

	/** A wait too long to hold a thread for: the runner waits it out. */
	static final class WaitLonger extends Final {
		private static final long serialVersionUID = 1L;
		final transient Duration retryAfter;

		WaitLonger(String message, Duration retryAfter) {
			super(message);
			this.retryAfter = retryAfter;
		}
	}

	/** Runs a call under the endpoint's retry; what still fails becomes a TransportException in words. */
	static <T> T call(Retry retry, String what, io.github.resilience4j.core.functions.CheckedSupplier<T> call) {
		try {
			return retry.executeCheckedSupplier(call);
		} catch (WaitLonger e) {
			throw new TransportException(e.getMessage(), e.retryAfter);
		} catch (Final e) {
			throw TransportException.refused(e.getMessage());
		} catch (IOException e) {
			throw new TransportException(e.getMessage(), e);
		} catch (RuntimeException e) {
			throw e;
		} catch (Throwable e) {
			throw new TransportException(what + ": " + e.getMessage(), e);
		}
	}

	/** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
	static Duration retryAfter(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		} catch (NumberFormatException notSeconds) {
			try {
				Duration until = Duration.between(java.time.Instant.now(),
						ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
				return until.isNegative() ? Duration.ZERO : until;
			} catch (DateTimeParseException notDate) {
				return null;
			}
		}
	}

	private static String excerpt(Response response) {
		try {
			String body = response.peekBody(300).string().replaceAll("\\s+", " ").strip();
			return body.length() > 200 ? body.substring(0, 200) + "…" : body;
		} catch (IOException e) {
			return "";
		}
	}
}
