package io.syncline.store.tests;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.syncline.store.Store;

/** Retention on a real PostgreSQL server (see {@link PostgresStoreTest}), in a schema of its own. */
@EnabledIfEnvironmentVariable(named = "SYNCLINE_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresRetentionTest extends RetentionContract {

	private final String schema = "r_" + UUID.randomUUID().toString().replace("-", "");

	@Override
	protected Store open() throws Exception {
		return PostgresStoreTest.server().openIn(schema, 10);
	}

	@AfterEach
	void dropSchema() throws Exception {
		PostgresStoreTest.server().drop(schema);
	}
}
