package io.syncline.transport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;
import io.syncline.transport.jdbc.JdbcPolling;

/**
 * A legacy ERP's table polled on a real PostgreSQL server ({@code SYNCLINE_PG_URL}): the two ways Kafka Connect's
 * JDBC source lost rows (kafka-connect-jdbc #172, #915), neither losing anything here.
 */
@EnabledIfEnvironmentVariable(named = "SYNCLINE_PG_URL", matches = "jdbc:postgresql:.+")
class JdbcPollingTest {

	private final String url = System.getenv("SYNCLINE_PG_URL");
	private final String user = System.getenv().getOrDefault("SYNCLINE_PG_USER", "syncline");
	private final String password = System.getenv().getOrDefault("SYNCLINE_PG_PASSWORD", "syncline");
	private final String schema = "erp_" + Long.toHexString(System.nanoTime());
	private final JdbcPolling transport = new JdbcPolling();
	private PGSimpleDataSource database;

	@BeforeEach
	void table() throws SQLException {
		database = new PGSimpleDataSource();
		database.setUrl(url);
		database.setUser(user);
		database.setPassword(password);
		sql("CREATE SCHEMA " + schema, "CREATE TABLE " + schema + ".orders (id VARCHAR(20) PRIMARY KEY, "
				+ "changed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), total NUMERIC(12,2))");
	}

	@AfterEach
	void drop() throws SQLException {
		sql("DROP SCHEMA " + schema + " CASCADE");
	}

	private void sql(String... statements) throws SQLException {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			for (String each : statements) {
				statement.execute(each);
			}
		}
	}

	private Endpoint endpoint(int lagSeconds, int batch) {
		Map<String, String> settings = new HashMap<>(Map.of("url", url, "user", user, "table", schema + ".orders",
				"keyColumn", "id", "watermarkColumn", "changed_at", "lagSeconds", Integer.toString(lagSeconds),
				"batch", Integer.toString(batch)));
		return new Endpoint("harbor", "erp-orders", "erp", Endpoint.Direction.IN, EndpointKind.JDBC, settings,
				Map.of("password", password), Duration.ofSeconds(60), List.of(), true);
	}

	@Test
	void rowsSharingATimestampAreAllTakenWhateverTheBatchAndAChangedRowAgain() throws SQLException {
		StringBuilder insert = new StringBuilder("INSERT INTO " + schema + ".orders (id, changed_at, total) VALUES ");
		for (int i = 1; i <= 7; i++) {
			insert.append(i > 1 ? ", " : "").append("('SO-").append(i).append("', TIMESTAMPTZ '2026-12-01 10:00:00Z'")
					.append(i > 5 ? " + INTERVAL '1 minute'" : "").append(", ").append(i * 10).append(")");
		}
		sql(insert.toString());
		ClaimingReceiver received = new ClaimingReceiver();
		Transport.Polled first = transport.poll(endpoint(0, 2), received);
		assertEquals(7, first.taken(), "five rows share a timestamp, read two at a time: none is skipped");
		assertTrue(received.byName.get("erp-orders-SO-3.json").contains("\"total\":30.00"),
				received.byName.get("erp-orders-SO-3.json"));
		assertEquals(0, transport.poll(endpoint(0, 2), received).taken(), "nothing twice");

		sql("UPDATE " + schema + ".orders SET total = 31, changed_at = now() - INTERVAL '1 second' WHERE id = 'SO-3'");
		Transport.Polled changed = transport.poll(endpoint(0, 2), received);
		assertEquals(1, changed.taken(), "a changed row is a new version");
	}

	@Test
	void aTransactionThatCommitsAfterALaterOneIsNotLost() throws Exception {
		assertEquals(List.of("early"), lateCommit(0), "without a lag the late row is lost: the failure under test");
		drop();
		table();
		assertEquals(List.of("early", "late").stream().sorted().toList(), lateCommit(2).stream().sorted().toList(),
				"with a lag longer than the transaction, nothing is lost");
	}

	/**
	 * A transaction takes its timestamp (now(), its start), a second one starts later, commits first and is polled;
	 * then the first commits. Returns what was taken in all.
	 */
	private List<String> lateCommit(int lagSeconds) throws Exception {
		ClaimingReceiver received = new ClaimingReceiver();
		try (Connection slow = database.getConnection()) {
			slow.setAutoCommit(false);
			try (Statement statement = slow.createStatement()) {
				statement.execute("INSERT INTO " + schema + ".orders (id, total) VALUES ('late', 1)");
			}
			Thread.sleep(300);
			sql("INSERT INTO " + schema + ".orders (id, total) VALUES ('early', 2)");
			if (lagSeconds == 0) {
				transport.poll(endpoint(lagSeconds, 100), received);
			} else {
				assertEquals(0, transport.poll(endpoint(lagSeconds, 100), received).taken(),
						"rows younger than the lag wait");
			}
			slow.commit();
		}
		Thread.sleep(Duration.ofSeconds(lagSeconds).plusMillis(600).toMillis());
		transport.poll(endpoint(lagSeconds, 100), received);
		return received.byName.keySet().stream().map(name -> name.replace("erp-orders-", "").replace(".json", ""))
				.toList();
	}
}
