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
	 * A single statement that inserts a row unless its key exists: {@code ON CONFLICT DO NOTHING} on PostgreSQL,
	 * {@code MERGE … WHEN NOT MATCHED} on H2. Never check-then-insert.
	 */
	public String insertIfAbsent(String table, String[] keyColumns, String[] otherColumns) {
		String[] all = concat(keyColumns, otherColumns);
		String columns = String.join(", ", all);
		String marks = String.join(", ", java.util.Collections.nCopies(all.length, "?"));
		if (this == POSTGRESQL) {
			return "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ") ON CONFLICT ("
					+ String.join(", ", keyColumns) + ") DO NOTHING";
		}
		StringBuilder on = new StringBuilder();
		for (String key : keyColumns) {
			on.append(on.length() == 0 ? "" : " AND ").append("t.").append(key).append(" = s.").append(key);
		}
		StringBuilder values = new StringBuilder();
		for (String column : all) {
			values.append(values.length() == 0 ? "" : ", ").append("s.").append(column);
		}
		return "MERGE INTO " + table + " t USING (VALUES (" + marks + ")) s (" + columns + ") ON " + on
				+ " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (" + values + ")";
	}

	private static String[] concat(String[] a, String[] b) {
		String[] all = new String[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}
}
