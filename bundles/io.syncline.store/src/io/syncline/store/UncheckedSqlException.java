package io.syncline.store;

import java.sql.SQLException;

/**
 * An SQLException carried through code that may not throw it (an OutputStream, a mapping's sink); the caller that
 * can throw it again unwraps it with {@link #sql()}.
 */
public final class UncheckedSqlException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient SQLException sql;

	public UncheckedSqlException(SQLException sql) {
		super(sql.getMessage(), sql);
		this.sql = sql;
	}

	public SQLException sql() {
		return sql;
	}
}
