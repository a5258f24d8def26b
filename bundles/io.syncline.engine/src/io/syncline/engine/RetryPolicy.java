package io.syncline.engine;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a message again after a failure that may pass (the database briefly away, a lock held too long, a
 * deadlock): exponential backoff with jitter, so runtimes that failed together do not retry together, and a limit
 * after which a person must look.
 */
public record RetryPolicy(Duration first, double factor, Duration max, int maxAttempts, double jitter) {

	/** 2 s, 4 s, 8 s … up to 5 minutes, ± 25 %; six attempts. */
	public static RetryPolicy standard() {
		return new RetryPolicy(Duration.ofSeconds(2), 2.0, Duration.ofMinutes(5), 6, 0.25);
	}

	/** The wait after {@code attempts} failed attempts (1 for the first failure), jittered by {@code random}. */
	public Duration delayAfter(int attempts, DoubleSupplier random) {
		double base = first.toMillis() * Math.pow(factor, Math.max(0, attempts - 1));
		double capped = Math.min(base, max.toMillis());
		double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
		return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
	}

	public boolean exhausted(int attempts) {
		return attempts >= maxAttempts;
	}

	/**
	 * Whether a database failure may pass by itself: connection trouble (SQLSTATE 08…), a rolled-back
	 * transaction (40…: serialization failure, deadlock), insufficient resources (53…), operator intervention or a
	 * cancelled statement (57…), a lock not available (55P03) or H2's lock timeout (HYT00).
	 */
	public static boolean isTransient(SQLException e) {
		if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
			return true;
		}
		String state = e.getSQLState();
		if (state == null) {
			return false;
		}
		return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
				|| state.equals("55P03") || state.equals("HYT00");
	}
}
