package io.syncline.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.syncline.store.Dialect;
import io.syncline.store.Payloads;

/**
 * A small versioned migration runner: scripts {@code db/migration/V<n>__<what>.sql} of this bundle, applied in order,
 * each in its own transaction, recorded with a checksum in {@code schema_history}. A script changed after it was
 * applied is refused. Flyway would do this too, but it has no OSGi manifest and finds both its database support and
 * its scripts through class-path scanning and ServiceLoader, which do not work across bundles without wrapping and
 * SPI Fly: fifty lines here are the smaller risk. On PostgreSQL an advisory lock keeps two runtimes from migrating
 * at once.
 */
public final class Migrations {

	/** The scripts, in order. A new version adds a line here and a file in db/migration. */
	static final List<String> SCRIPTS = List.of("V1__journal_exceptions_audit.sql", "V2__catalog.sql",
			"V3__inventory.sql", "V4__purchase_orders.sql", "V5__supplier_availability.sql",
			"V6__sales_orders.sql", "V7__runtime.sql", "V8__outbox_index.sql", "V9__tenant_rules.sql",
			"V10__identity_cache.h2.sql", "V11__shipments.sql", "V12__partners.sql", "V13__route_file_patterns.sql",
			"V14__journal_indexes.sql", "V15__identity_cache_larger.h2.sql", "V16__large_messages.sql",
			"V17__sla_clocks.sql", "V18__tenants_tokens.sql", "V19__exception_filters_proposals.sql",
			"V20__monitor_indexes.sql", "V21__drop_duplicate_key_index.sql",
			"V22__monitor_filter_indexes_newest_first.sql", "V23__inbox_claims.sql", "V24__retention.sql",
			"V25__endpoints.sql");

	private static final long LOCK_KEY = 0x53594e434c494eL;

	private Migrations() {
	}

	public static void apply(DataSource dataSource, Dialect dialect) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS schema_history (version INTEGER PRIMARY KEY, "
						+ "script VARCHAR(256) NOT NULL, checksum VARCHAR(64) NOT NULL, "
						+ "installed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
			}
			connection.commit();
			for (String script : SCRIPTS) {
				applyOne(connection, dialect, script);
			}
		}
	}

	private static void applyOne(Connection connection, Dialect dialect, String script) throws SQLException {
		int version = Integer.parseInt(script.substring(1, script.indexOf("__")));
		String sql = read(script);
		String checksum = Payloads.sha256(sql.getBytes(StandardCharsets.UTF_8));
		try {
			if (dialect == Dialect.POSTGRESQL) {
				try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
					lock.setLong(1, LOCK_KEY);
					lock.execute();
				}
			}
			String applied = appliedChecksum(connection, version);
			if (applied != null) {
				if (!applied.equals(checksum)) {
					throw new SQLException("migration " + script + " was changed after it was applied (checksum "
							+ applied + " in schema_history, " + checksum + " now); add a new version instead");
				}
				connection.rollback();
				return;
			}
			if (appliesTo(script, dialect)) {
				try (Statement statement = connection.createStatement()) {
					for (String command : statements(sql)) {
						statement.execute(command);
					}
				}
			}
			try (PreparedStatement record = connection.prepareStatement(
					"INSERT INTO schema_history (version, script, checksum, installed_at) VALUES (?, ?, ?, ?)")) {
				record.setInt(1, version);
				record.setString(2, script);
				record.setString(3, checksum);
				record.setObject(4, OffsetDateTime.now());
				record.executeUpdate();
			}
			connection.commit();
		} catch (SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
	}

	/**
	 * A script named {@code V<n>__what.h2.sql} or {@code ….postgresql.sql} tunes one database only; the others record
	 * its version without running it, so versions stay the same everywhere.
	 */
	public static boolean appliesTo(String script, Dialect dialect) {
		for (Dialect only : Dialect.values()) {
			if (script.endsWith("." + only.name().toLowerCase() + ".sql")) {
				return only == dialect;
			}
		}
		return true;
	}

	private static String appliedChecksum(Connection connection, int version) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT checksum FROM schema_history WHERE version = ?")) {
			query.setInt(1, version);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	/** Statements separated by semicolons at line ends; comment lines are dropped. */
	static List<String> statements(String sql) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : sql.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("--") || trimmed.isEmpty()) {
				continue;
			}
			current.append(line).append('\n');
			if (trimmed.endsWith(";")) {
				String statement = current.toString().strip();
				statements.add(statement.substring(0, statement.length() - 1));
				current.setLength(0);
			}
		}
		if (!current.toString().isBlank()) {
			statements.add(current.toString().strip());
		}
		return statements;
	}

	private static String read(String script) {
		try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
			if (in == null) {
				throw new IllegalStateException("migration " + script + " is missing from io.syncline.store");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
