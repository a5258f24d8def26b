package io.syncline.store.tests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.io.TempDir;

import io.syncline.store.Store;

/** The store on an H2 file database, as the embedded default uses it. */
class H2StoreTest extends StoreContract {

	@TempDir
	Path data;

	@Override
	protected Store open() throws Exception {
		return Store.openH2(data);
	}

	@Override
	protected Store reopenAfterRepair() throws Exception {
		String url = "jdbc:h2:file:" + data.resolve("store").resolve("syncline") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		org.h2.jdbcx.JdbcDataSource raw = new org.h2.jdbcx.JdbcDataSource();
		raw.setURL(url);
		raw.setUser("sa");
		try (Connection connection = raw.getConnection(); Statement update = connection.createStatement()) {
			update.executeUpdate("DELETE FROM schema_history");
			update.execute("DROP ALL OBJECTS");
		}
		return open();
	}
}
