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

	/**
	 * A pooled connection with auto-commit off, for work outside any transaction: the caller commits. Refused, like
	 * {@link #inTransaction(Work)}, on a thread that holds a transaction.
	 */
	public Connection connection() throws SQLException {
		refuseNested("a second connection");
		return pool.getConnection();
	}

	/** Work on one connection that becomes one transaction. */
	@FunctionalInterface
	public interface Work<T> {
		T run(Connection connection) throws SQLException;
	}

	/**
	 * The transaction this thread holds. A second transaction opened beside it on the same thread could wait for a
	 * row the first one holds, a wait that nothing ends: the thread cannot commit what it waits for. H2 does not even
	 * time it out (after a rollback to a savepoint, its waiters spin past the lock timeout until the holder ends).
	 */
	private final ThreadLocal<Connection> held = new ThreadLocal<>();

	/**
	 * Runs the work in its own transaction: committed when it returns, rolled back when it throws. Refused with a
	 * {@link NestedTransactionException} on a thread that already holds one: nested work takes the caller's
	 * connection, or says why it must be independent with {@link #inIndependentTransaction(String, Work)}.
	 */
	public <T> T inTransaction(Work<T> work) throws SQLException {
		refuseNested("a second transaction");
		return transact(work);
	}

	/**
	 * Work that commits on its own even when this thread holds a transaction, because it must outlive that
	 * transaction's rollback; {@code why} says so where it is called. It must never touch a row the caller's
	 * transaction may hold.
	 */
	public <T> T inIndependentTransaction(String why, Work<T> work) throws SQLException {
		if (why == null || why.isBlank()) {
			throw new IllegalArgumentException("independent work must say why it cannot join the caller's transaction");
		}
		Connection caller = held.get();
		try {
			return transact(work);
		} finally {
			held.set(caller);
		}
	}

	/**
	 * Reads in the transaction this thread holds, so they see what it wrote, or else in a transaction of their own
	 * that is rolled back. Reads never commit.
	 */
	public <T> T read(Work<T> work) throws SQLException {
		try (Connection connection = readConnection()) {
			return work.run(connection);
		}
	}

	/**
	 * A connection to read with, closed by the caller: the transaction this thread holds, so the reads see what it
	 * wrote (closing or rolling back this connection then only ends the read, and leaves the caller's transaction
	 * as it was), or else a pooled connection whose reads the pool rolls back when it is closed.
	 */
	public Connection readConnection() throws SQLException {
		Connection caller = held.get();
		return caller != null ? joined(caller) : pool.getConnection();
	}

	private static Connection joined(Connection caller) {
		return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					String name = method.getName();
					if (name.equals("close") || name.equals("rollback") && arguments == null) {
						return null; // the end of the read, not of the caller's transaction
					}
					if (name.equals("commit") || name.equals("setAutoCommit") || name.equals("abort")) {
						throw new NestedTransactionException("a read that joined the caller's transaction called " + name
								+ ": only the caller ends its transaction");
					}
					try {
						return method.invoke(caller, arguments);
					} catch (java.lang.reflect.InvocationTargetException e) {
						throw e.getCause();
					}
				});
	}

	/** Whether this thread holds a transaction of this store. */
	public boolean holdsTransaction() {
		return held.get() != null;
	}

	private <T> T transact(Work<T> work) throws SQLException {
		try (Connection connection = pool.getConnection()) {
			held.set(connection);
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			} catch (SQLException | RuntimeException | Error e) {
				connection.rollback();
				throw e;
			} finally {
				held.remove();
			}
		}
	}

	private void refuseNested(String what) {
		if (held.get() != null) {
			throw new NestedTransactionException("refused " + what + " on thread " + Thread.currentThread().getName()
					+ ", which holds a transaction of this store: it could wait for its own rows for ever. Take the "
					+ "caller's connection, or name independent work with inIndependentTransaction");
		}
	}

	/**
	 * Copies the store while it runs, consistent as of one commit, into a zip at {@code target} (written aside, then
	 * renamed; refused if it exists). H2 only: a PostgreSQL store is backed up with pg_dump. Returns its size.
	 */
	public long backupTo(Path target) throws SQLException, java.io.IOException {
		if (dialect != Dialect.H2) {
			throw new UnsupportedOperationException("the store is PostgreSQL: back it up with pg_dump (see "
					+ "docs/operations.md, Backups)");
		}
		Path absolute = target.toAbsolutePath();
		if (java.nio.file.Files.exists(absolute)) {
			throw new java.nio.file.FileAlreadyExistsException(absolute + " exists: a backup never overwrites one");
		}
		Path aside = absolute.resolveSibling(absolute.getFileName() + ".part");
		java.nio.file.Files.deleteIfExists(aside);
		try (Connection connection = pool.getConnection(); java.sql.Statement backup = connection.createStatement()) {
			backup.execute("BACKUP TO '" + aside.toString().replace("'", "''") + "'");
		}
		java.nio.file.Files.move(aside, absolute, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		return java.nio.file.Files.size(absolute);
	}

	/**
	 * Rewrites the H2 file to what it holds and closes the store: the space purges freed goes back to the disk. Only
	 * with no other process on the store (a planned restart); H2 reuses freed space without it while it runs.
	 */
	public void compactAndClose() throws SQLException {
		if (dialect != Dialect.H2) {
			throw new UnsupportedOperationException("the store is PostgreSQL: autovacuum gives space back");
		}
		Connection connection = pool.getConnection();
		try (java.sql.Statement compact = connection.createStatement()) {
			compact.execute("SHUTDOWN COMPACT");
		} finally {
			try {
				connection.close();
			} catch (SQLException closedByTheShutdown) {
				// expected: the database closed under the pool
			}
			pool.close();
		}
	}

	@Override
	public void close() {
		pool.close();
	}
}
