package io.syncline.store.tests;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

import io.syncline.store.Store;

/**
 * The store on a real PostgreSQL server: {@code SYNCLINE_PG_URL} (with {@code SYNCLINE_PG_USER},
 * {@code SYNCLINE_PG_PASSWORD}) names it; .ci/run starts one on loopback. Each test gets a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "SYNCLINE_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresStoreTest extends StoreContract {

	private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "");

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
			create.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
		}
		String url = System.getenv("SYNCLINE_PG_URL");
		return Store.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
				env("SYNCLINE_PG_USER", "syncline"), env("SYNCLINE_PG_PASSWORD", "syncline"), 10);
	}

	@Override
	protected Store reopenAfterRepair() throws Exception {
		try (Connection connection = admin().getConnection(); Statement drop = connection.createStatement()) {
			drop.execute("DROP SCHEMA " + schema + " CASCADE");
		}
		return open();
	}

	@AfterEach
	void dropSchema() throws Exception {
		try (Connection connection = admin().getConnection(); Statement drop = connection.createStatement()) {
			drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}
}
