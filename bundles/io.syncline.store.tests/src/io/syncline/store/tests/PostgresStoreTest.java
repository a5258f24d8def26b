package io.syncline.store.tests;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.syncline.store.PostgresSchemas;
import io.syncline.store.Store;

/**
 * The store on a real PostgreSQL server: {@code SYNCLINE_PG_URL} (with {@code SYNCLINE_PG_USER},
 * {@code SYNCLINE_PG_PASSWORD}) names it; .ci/run starts one on loopback. Each test gets a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "SYNCLINE_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresStoreTest extends StoreContract {

	private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "");

	static PostgresSchemas server() {
		return PostgresSchemas.fromEnvironment();
	}

	@Override
	protected Store open() throws Exception {
		return server().openIn(schema, 10);
	}

	@Override
	protected Store reopenAfterRepair() throws Exception {
		server().drop(schema);
		return open();
	}

	@AfterEach
	void dropSchema() throws Exception {
		server().drop(schema);
	}
}
