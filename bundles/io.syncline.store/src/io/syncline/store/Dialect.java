package io.syncline.store;

/** What differs between the two databases Syncline runs on; everything else is shared SQL. */
public enum Dialect {
	H2, POSTGRESQL;

	public static Dialect ofUrl(String jdbcUrl) {
		if (jdbcUrl.startsWith("jdbc:h2:")) {
			return H2;
		}
		if (jdbcUrl.startsWith("jdbc:postgresql:")) {
			return POSTGRESQL;
		}
		throw new IllegalArgumentException("unsupported database URL " + jdbcUrl + " (jdbc:h2:… or jdbc:postgresql:…)");
	}

	/**
	 * A single statement that inserts a row unless its key exists: {@code INSERT … ON CONFLICT DO NOTHING}, which H2
	 * understands in its PostgreSQL mode (without a conflict target, so there any unique key counts; the tables it
	 * is used on have only their primary key). Never check-then-insert. H2's {@code MERGE … USING} would say the
	 * same, but runs a join per row: it cost two thirds of claiming a batch of event ids.
	 */
	public String insertIfAbsent(String table, String[] keyColumns, String[] otherColumns) {
		String[] all = concat(keyColumns, otherColumns);
		String insert = "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES ("
				+ String.join(", ", java.util.Collections.nCopies(all.length, "?")) + ") ON CONFLICT ";
		return this == POSTGRESQL ? insert + "(" + String.join(", ", keyColumns) + ") DO NOTHING"
				: insert + "DO NOTHING";
	}

	private static String[] concat(String[] a, String[] b) {
		String[] all = new String[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}
}
