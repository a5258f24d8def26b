package io.syncline.engine;

import java.io.IOException;
import java.sql.SQLException;

import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.MappingCompileException;

/** Where the engine gets a mapping by name, compiled, and which version it is. */
public interface MappingSource {

	/** A compiled mapping and the version it was compiled from. */
	record Resolved(CompiledMapping mapping, int version) {
	}

	/** The given version of a mapping, or its current one when {@code version} is null. */
	Resolved resolve(String name, Integer version) throws IOException, SQLException, MappingCompileException;
}
