package io.syncline.runtime.local.internal;

import java.io.IOException;
import java.sql.SQLException;

import io.syncline.mapping.MappingCompileException;
import io.syncline.runtime.api.RuntimeFailure;

/**
 * Runs a runtime call; what a person can act on (a missing exception, a wrong decision) passes through as it is,
 * what went wrong below (the database, a file) becomes a {@link RuntimeFailure} saying what was being done.
 */
public final class Calls {

	@FunctionalInterface
	public interface Call<T> {
		T run() throws SQLException, IOException, MappingCompileException;
	}

	private Calls() {
	}

	public static <T> T call(String what, Call<T> call) {
		try {
			return call.run();
		} catch (SQLException | IOException e) {
			throw new RuntimeFailure("cannot " + what + ": " + e.getMessage(), e);
		} catch (MappingCompileException e) {
			throw new RuntimeFailure("cannot " + what + ": the mapping does not compile: " + e.getMessage(), e);
		}
	}
}
