package io.syncline.runtime.local.tests;

import static io.syncline.testing.Harbor.demo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.syncline.runtime.api.AuditQuery;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;

/**
 * Upgrades: a store made by an earlier release opens in this one, migrated to the newest schema, with its data
 * intact. Each release keeps one small fixture under {@code fixtures/stores/<release>/}: an H2 store made by that
 * release's installed runtime (the Harbor documents ingested, a rule set, a token made) and what it held then
 * ({@code expected.properties}). Every fixture is opened on every build.
 */
class StoreFixturesTest {

	@TempDir
	Path copy;

	static List<Path> fixtures() throws IOException {
		try (Stream<Path> releases = Files.list(Path.of(System.getProperty("syncline.fixtures")).resolve("stores"))) {
			return releases.filter(Files::isDirectory).sorted().toList();
		}
	}

	@ParameterizedTest(name = "the store of {0}")
	@MethodSource("fixtures")
	void aStoreOfAnEarlierReleaseOpensMigratedWithItsDataIntact(Path fixture) throws Exception {
		Properties expected = new Properties();
		try (Reader in = Files.newBufferedReader(fixture.resolve("expected.properties"))) {
			expected.load(in);
		}
		Path store = Files.createDirectories(copy.resolve("store"));
		Files.copy(fixture.resolve("store/syncline.mv.db"), store.resolve("syncline.mv.db"),
				StandardCopyOption.REPLACE_EXISTING);

		int newest;
		try (Store fresh = Store.openH2(copy.resolve("fresh"))) {
			newest = count(fresh, "SELECT MAX(version) FROM schema_history");
		}
		try (Store upgraded = Store.openH2(copy)) {
			assertEquals(newest, count(upgraded, "SELECT MAX(version) FROM schema_history"),
					"migrated to the newest schema");
			for (String table : List.of("messages", "exceptions", "audit_log", "api_tokens", "tenant_rules",
					"purchase_orders", "sales_orders", "inventory_positions")) {
				int before = Integer.parseInt(expected.getProperty(table));
				int after = count(upgraded, "SELECT COUNT(*) FROM " + table);
				assertTrue(table.equals("audit_log") ? after >= before : after == before,
						table + ": " + before + " rows before the upgrade, " + after + " after");
			}
			LocalRuntime runtime = LocalRuntime.over(upgraded, LocalSettings.harbor(copy, demo("mappings")));
			try {
				assertEquals(Integer.parseInt(expected.getProperty("messages")),
						runtime.journal(JournalQuery.all().pageSize(500)).items().size(), "the journal reads");
				assertEquals(Integer.parseInt(expected.getProperty("open_exceptions")),
						runtime.exceptions(ExceptionQuery.open()).items().size(), "the exception queue reads");
				assertFalse(runtime.trace("PO-45001").isEmpty(), "a trace reads");
				assertFalse(runtime.audit(AuditQuery.newest()).items().isEmpty(), "the audit reads");
				assertEquals(expected.getProperty("in_transit_rule"), runtime.tenantRules().get("atp.inTransit"),
						"a tenant's rule is kept");
			} finally {
				runtime.close();
			}
		}
	}

	private static int count(Store store, String sql) throws SQLException {
		return store.read(connection -> {
			try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
				row.next();
				return row.getInt(1);
			}
		});
	}
}
