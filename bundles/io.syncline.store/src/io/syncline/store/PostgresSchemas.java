package io.syncline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * Creates and drops PostgreSQL schemas, so one server can hold separate Syncline stores (one per test, or per
 * environment) and a store can be opened in one with {@code currentSchema}.
 */
public final class PostgresSchemas {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final PGSimpleDataSource server;

	/**
	 * The server named by {@code SYNCLINE_PG_URL}, {@code SYNCLINE_PG_USER} and {@code SYNCLINE_PG_PASSWORD} (user
	 * and password default to {@code syncline}), as the tests and benchmarks find it.
	 */
	public static PostgresSchemas fromEnvironment() {
		String url = System.getenv("SYNCLINE_PG_URL");
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("set SYNCLINE_PG_URL (and SYNCLINE_PG_USER, SYNCLINE_PG_PASSWORD) to a PostgreSQL server");
		}
		return new PostgresSchemas(url, System.getenv().getOrDefault("SYNCLINE_PG_USER", "syncline"),
				System.getenv().getOrDefault("SYNCLINE_PG_PASSWORD", "syncline"));
	}

	public PostgresSchemas(String jdbcUrl, String user, String password) {
		server = new PGSimpleDataSource();
		server.setURL(jdbcUrl);
		server.setUser(user);
		server.setPassword(password);
	}

	/** Creates the schema and opens a store in it. */
	public Store openIn(String schema, int poolSize) throws SQLException {
		execute("CREATE SCHEMA IF NOT EXISTS " + checked(schema));
		String url = server.getURL();
		return Store.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, server.getUser(),
				server.getPassword(), poolSize);
	}

	public void drop(String schema) throws SQLException {
		execute("DROP SCHEMA IF EXISTS " + checked(schema) + " CASCADE");
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String checked(String schema) {
		if (!NAME.matcher(schema).matches()) {
			throw new IllegalArgumentException("not a plain schema name: " + schema);
		}
		return schema;
	}
}
