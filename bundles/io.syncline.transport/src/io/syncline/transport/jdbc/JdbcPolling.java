package io.syncline.transport.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;

/**
 * Polls a legacy ERP's table (or view) for new and changed rows, each row one JSON document claimed by its key and
 * watermark. The rows are read in (watermark, key) order after a cursor of both, so rows sharing a timestamp are
 * read to the last one whatever the batch size, and only rows whose watermark is older than the database's own
 * clock less {@code lagSeconds}: a transaction that took its timestamp early and commits late (Kafka Connect's JDBC
 * source lost such rows, kafka-connect-jdbc #172, #915) is visible before the cursor passes its timestamp, as long
 * as it commits within the lag. The cursor moves only past rows that were journaled.
 */
public final class JdbcPolling implements Transport.Polling {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
	private static final ObjectMapper JSON = new ObjectMapper()
			.setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
			.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

	@Override
	public EndpointKind kind() {
		return EndpointKind.JDBC;
	}

	@Override
	public List<Field> fields(Endpoint.Direction direction) {
		return List.of(new Field("url", true, false, "jdbc:postgresql://host/db (PostgreSQL; jdbc:h2: for tests)"),
				new Field("user", true, false, "a login that may only read"),
				new Field("table", true, false, "the table or view, schema.table allowed"),
				new Field("keyColumn", true, false, "a column unique per row"),
				new Field("watermarkColumn", true, false, "when a row was last changed (a timestamp or a number)"),
				new Field("lagSeconds", false, false, "how long a transaction may take to commit, 10 unless told"),
				new Field("batch", false, false, "rows per query, 500 unless told"),
				new Field("maxBatches", false, false, "queries a poll runs, 20 unless told"),
				new Field("password", false, true, "the login's password"));
	}

	@Override
	public Check check(Endpoint endpoint) {
		try (Connection connection = open(endpoint); Statement count = connection.createStatement()) {
			try (ResultSet row = count.executeQuery("SELECT COUNT(*) FROM " + name(endpoint, "table"))) {
				row.next();
				return new Check(true, "connected as " + endpoint.setting("user") + "; " + row.getLong(1) + " row(s) in "
						+ endpoint.setting("table") + " (nothing was taken)", List.of());
			}
		} catch (SQLException | TransportException e) {
			return new Check(false, "endpoint " + endpoint.id() + ": " + e.getMessage(), List.of());
		}
	}

	@Override
	public Polled poll(Endpoint endpoint, Receiver receiver) {
		String table = name(endpoint, "table");
		String key = name(endpoint, "keyColumn");
		String watermark = name(endpoint, "watermarkColumn");
		int lag = Math.max(0, endpoint.intSetting("lagSeconds", 10));
		int batch = Math.max(1, endpoint.intSetting("batch", 500));
		int maxBatches = Math.max(1, endpoint.intSetting("maxBatches", 20));
		RowCursor cursor = RowCursor.parse(receiver.cursor("rows").orElse(null));
		int taken = 0;
		int seen = 0;
		boolean full = false;
		try (Connection connection = open(endpoint)) {
			connection.setReadOnly(true);
			Object upper = upper(connection, lag);
			for (int round = 0; round < maxBatches; round++) {
				List<Row> rows = read(connection, table, key, watermark, cursor, upper, batch);
				for (Row row : rows) {
					String pickup = row.key() + "|" + row.watermark();
					if (receiver.seen(pickup)) {
						seen++;
					} else if (receiver.receive(pickup, endpoint.id() + "-" + safe(row.key()) + ".json",
							new ByteArrayInputStream(row.json())) >= 0) {
						taken++;
					} else {
						seen++;
					}
					cursor = new RowCursor(row.watermarkValue(), row.watermark(), row.key());
				}
				if (!rows.isEmpty()) {
					receiver.cursor("rows", cursor.text());
				}
				full = rows.size() == batch;
				if (!full) {
					break;
				}
			}
		} catch (SQLException | IOException e) {
			throw new TransportException("endpoint " + endpoint.id() + ": reading " + table + " failed: "
					+ e.getMessage(), e);
		}
		return new Polled(taken, seen, full ? 1 : 0);
	}

	/** The newest watermark a poll may read: the database's clock less the lag, so the database's time rules. */
	private static Object upper(Connection connection, int lagSeconds) throws SQLException {
		try (Statement now = connection.createStatement();
				ResultSet row = now.executeQuery("SELECT CURRENT_TIMESTAMP")) {
			row.next();
			return row.getObject(1, OffsetDateTime.class).minusSeconds(lagSeconds);
		}
	}

	private record Row(String key, String watermark, Object watermarkValue, byte[] json) {
	}

	private static List<Row> read(Connection connection, String table, String key, String watermark,
			RowCursor cursor, Object upper, int batch) throws SQLException, IOException {
		String after = cursor == null ? "" : "(" + watermark + " > ? OR (" + watermark + " = ? AND " + key
				+ " > ?)) AND ";
		String sql = "SELECT * FROM " + table + " WHERE " + after + watermark + " < ? ORDER BY " + watermark + ", " + key
				+ " FETCH FIRST " + batch + " ROWS ONLY";
		List<Row> rows = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			int at = 1;
			if (cursor != null) {
				query.setObject(at++, cursor.watermark());
				query.setObject(at++, cursor.watermark());
				query.setString(at++, cursor.key());
			}
			query.setObject(at, upper);
			try (ResultSet result = query.executeQuery()) {
				ResultSetMetaData columns = result.getMetaData();
				while (result.next()) {
					ObjectNode row = JSON.createObjectNode();
					for (int column = 1; column <= columns.getColumnCount(); column++) {
						Object value = result.getObject(column);
						row.set(columns.getColumnLabel(column).toLowerCase(java.util.Locale.ROOT),
								JSON.valueToTree(value instanceof java.sql.Timestamp stamp ? stamp.toInstant().toString()
										: value instanceof java.time.temporal.Temporal t ? t.toString() : value));
					}
					Object mark = result.getObject(watermark);
					Object markValue = mark instanceof java.sql.Timestamp stamp
							? result.getObject(watermark, OffsetDateTime.class) : mark;
					rows.add(new Row(String.valueOf(result.getObject(key)), String.valueOf(markValue), markValue,
							JSON.writeValueAsBytes(row)));
				}
			}
		}
		return rows;
	}

	private static Connection open(Endpoint endpoint) throws SQLException {
		return dataSource(endpoint).getConnection();
	}

	/** A data source for the URL (PostgreSQL or H2): DriverManager cannot see a bundle's driver in OSGi. */
	private static DataSource dataSource(Endpoint endpoint) {
		String url = endpoint.setting("url");
		String user = endpoint.setting("user");
		String password = endpoint.secret("password").orElse("");
		if (url.startsWith("jdbc:postgresql:")) {
			org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
			source.setUrl(url);
			source.setUser(user);
			source.setPassword(password);
			source.setConnectTimeout(endpoint.intSetting("timeoutSeconds", 20));
			return source;
		}
		if (url.startsWith("jdbc:h2:")) {
			org.h2.jdbcx.JdbcDataSource source = new org.h2.jdbcx.JdbcDataSource();
			source.setURL(url);
			source.setUser(user);
			source.setPassword(password);
			return source;
		}
		throw new TransportException("endpoint " + endpoint.id() + ": url " + url.replaceAll("\\?.*", "")
				+ " is neither jdbc:postgresql: nor jdbc:h2:, the databases this runtime has drivers for");
	}

	/** A setting that names a table or column: letters, digits and underscores only, so it cannot carry SQL. */
	private static String name(Endpoint endpoint, String setting) {
		String value = endpoint.setting(setting);
		if (!NAME.matcher(value).matches()) {
			throw new TransportException("endpoint " + endpoint.id() + ": " + setting + " '" + value
					+ "' is not a plain name (letters, digits, _; schema.table allowed)");
		}
		return value;
	}

	private static String safe(String key) {
		String safe = key.replaceAll("[^A-Za-z0-9._-]", "_");
		return safe.length() > 80 ? safe.substring(0, 80) : safe;
	}
}
