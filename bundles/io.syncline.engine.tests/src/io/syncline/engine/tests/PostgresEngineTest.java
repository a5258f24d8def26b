package io.syncline.engine.tests;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

import io.syncline.store.Store;

/** The same on a real PostgreSQL server ({@code SYNCLINE_PG_URL}), each test in a schema of its own. */
@EnabledIfEnvironmentVariable(named = "SYNCLINE_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresEngineTest extends EngineContract {

	private final String schema = "e_" + UUID.randomUUID().toString().replace("-", "");

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	private PGSimpleDataSource admin() {
		PGSimpleDataSource admin = new PGSimpleDataSource();
		admin.setURL(System.getenv("SYNCLINE_PG_URL"));
		admin.setUser(env("SYNCLINE_PG_USER", "syncline"));
		admin.setPassword(env("SYNCLINE_PG_PASSWORD", "syncline"));
		return admin;
	}

	@Override
	protected Store open() throws Exception {
		try (Connection connection = admin().getConnection(); Statement create = connection.createStatement()) {
			create.execute("CREATE SCHEMA " + schema);
		}
		String url = System.getenv("SYNCLINE_PG_URL");
		return Store.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
				env("SYNCLINE_PG_USER", "syncline"), env("SYNCLINE_PG_PASSWORD", "syncline"), 4);
	}

	@AfterEach
	void dropSchema() throws Exception {
		try (Connection connection = admin().getConnection(); Statement drop = connection.createStatement()) {
			drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}
}
