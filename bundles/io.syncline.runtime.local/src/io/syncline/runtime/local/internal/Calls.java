package io.syncline.runtime.local.internal;

import java.io.IOException;
import java.sql.SQLException;

import io.syncline.mapping.MappingCompileException;
import io.syncline.runtime.api.InvalidContentException;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.api.RuntimeFailure;

/**
 * Runs a runtime call; what a person can act on (a wrong decision) passes through as it is, an object the tenant
 * does not have becomes a {@link NotFoundException}, and what went wrong below (the database, a file) becomes a
 * {@link RuntimeFailure} saying what was being done.
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
		} catch (io.syncline.store.NotFoundException e) {
			throw new NotFoundException(e.getMessage());
		} catch (SQLException | IOException e) {
			throw new RuntimeFailure("cannot " + what + ": " + e.getMessage(), e);
		} catch (MappingCompileException e) {
			throw new InvalidContentException("cannot " + what + ": the mapping does not compile: " + e.getMessage(), e);
		}
	}
}
