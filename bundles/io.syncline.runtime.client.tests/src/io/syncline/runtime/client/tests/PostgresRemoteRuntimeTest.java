package io.syncline.runtime.client.tests;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.syncline.store.PostgresSchemas;
import io.syncline.store.Store;

/** The runtime API over HTTP, served from a real PostgreSQL server ({@code SYNCLINE_PG_URL}), each test in a schema of its own. */
@EnabledIfEnvironmentVariable(named = "SYNCLINE_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresRemoteRuntimeTest extends RemoteContract {

	private final String schema = "r_" + UUID.randomUUID().toString().replace("-", "");
	private final PostgresSchemas server = PostgresSchemas.fromEnvironment();

	@Override
	protected Store open() throws Exception {
		return server.openIn(schema, 4);
	}

	@AfterEach
	void dropSchema() throws Exception {
		server.drop(schema);
	}
}
