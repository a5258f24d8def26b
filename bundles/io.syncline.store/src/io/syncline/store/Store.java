package io.syncline.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.syncline.store.internal.Migrations;

/**
 * The database of a runtime: an H2 file under the data directory by default, PostgreSQL when a JDBC URL says so.
 * Opening migrates the schema to the current version. Driver classes are created directly (not looked up through
 * DriverManager, which cannot see bundle-private drivers in OSGi) and pooled by HikariCP.
 */
public final class Store implements AutoCloseable {

	/** How long a statement waits for a row another session holds; override with -Dsyncline.lockTimeoutMillis. */
	public static final long DEFAULT_LOCK_TIMEOUT_MILLIS = 5_000;

	private final HikariDataSource pool;
	private final Dialect dialect;

	private Store(HikariDataSource pool, Dialect dialect) {
		this.pool = pool;
		this.dialect = dialect;
	}

	/** The embedded default: {@code <dataDirectory>/store/syncline.mv.db}. */
	public static Store openH2(Path dataDirectory) throws SQLException {
		return open("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("store").resolve("syncline")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0", "sa", "", 8);
	}

	public static Store open(String jdbcUrl, String user, String password, int poolSize) throws SQLException {
		Dialect dialect = Dialect.ofUrl(jdbcUrl);
		HikariConfig config = new HikariConfig();
		config.setDataSource(dataSource(dialect, jdbcUrl, user, password));
		config.setMaximumPoolSize(poolSize);
		config.setAutoCommit(false);
		config.setPoolName("syncline-" + dialect.name().toLowerCase());
		// A lock held too long (a stuck session) fails the waiting record with a transient error, which is retried
		// later, instead of stalling the pipeline behind it.
		long lockTimeout = Long.getLong("syncline.lockTimeoutMillis", DEFAULT_LOCK_TIMEOUT_MILLIS);
		config.setConnectionInitSql(dialect == Dialect.H2 ? "SET LOCK_TIMEOUT " + lockTimeout
				: "SET lock_timeout = " + lockTimeout);
		// With auto-commit off, the SET runs in a transaction: Hikari commits it only for isolated internal queries.
		// Otherwise the connection's first transaction carries it, and on PostgreSQL a first transaction that is
		// rolled back (a read) takes the lock timeout back with it, and a lock is then waited for without end.
		config.setIsolateInternalQueries(true);
		HikariDataSource pool = new HikariDataSource(config);
		try {
			Migrations.apply(pool, dialect);
		} catch (SQLException | RuntimeException e) {
			pool.close();
			throw e;
		}
		return new Store(pool, dialect);
	}

	private static DataSource dataSource(Dialect dialect, String url, String user, String password) {
		if (dialect == Dialect.H2) {
			JdbcDataSource h2 = new JdbcDataSource();
			h2.setURL(url);
			h2.setUser(user);
			h2.setPassword(password);
			return h2;
		}
		PGSimpleDataSource postgres = new PGSimpleDataSource();
		postgres.setURL(url);
		postgres.setUser(user);
		postgres.setPassword(password);
		return postgres;
	}

	public Dialect dialect() {
		return dialect;
	}

	/** A pooled connection with auto-commit off: the caller commits. */
	public Connection connection() throws SQLException {
		return pool.getConnection();
	}

	/** Work on one connection that becomes one transaction. */
	@FunctionalInterface
	public interface Work<T> {
		T run(Connection connection) throws SQLException;
	}

	/** Runs the work in its own transaction: committed when it returns, rolled back when it throws. */
	public <T> T inTransaction(Work<T> work) throws SQLException {
		try (Connection connection = connection()) {
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		}
	}

	@Override
	public void close() {
		pool.close();
	}
}
