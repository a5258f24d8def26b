package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the exception queue the way support staff narrow it: by kind, state, partner, assignee and age, keyset
 * paged by id (never OFFSET), and counted by kind for the same filter.
 */
public final class ExceptionSearch {

	/**
	 * Null means any. {@code openOnly} keeps OPEN and RETRYING; {@code state} names one state; {@code createdBefore}
	 * keeps those older than an instant (an age filter).
	 */
	public record Filter(boolean openOnly, String kind, String assignee, String partnerId, String state,
			OffsetDateTime createdBefore) {
	}

	private static final String COLUMNS = "e.id, e.tenant_id, e.message_id, e.kind, e.business_key, e.location, "
			+ "e.detail, e.state, e.attempts, e.assignee, e.created_at, e.next_retry_at";

	private final Store store;

	public ExceptionSearch(Store store) {
		this.store = store;
	}

	/** Those matching with ids above {@code afterId}, oldest first, at most {@code pageSize}. */
	public List<ExceptionQueue.Item> list(String tenantId, Filter filter, long afterId, int pageSize)
			throws SQLException {
		List<Object> parameters = new ArrayList<>();
		String where = where(tenantId, filter, parameters);
		parameters.add(afterId);
		parameters.add(pageSize);
		String sql = "SELECT " + COLUMNS + " FROM exceptions e WHERE " + where + " AND e.id > ? ORDER BY e.id "
				+ "FETCH FIRST ? ROWS ONLY";
		List<ExceptionQueue.Item> items = new ArrayList<>();
		try (Connection connection = store.readConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
			bind(query, parameters);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					items.add(ExceptionQueue.item(rows));
				}
			}
			connection.rollback();
		}
		return items;
	}

	/** How many match, by kind, most first. */
	public Map<String, Long> countsByKind(String tenantId, Filter filter) throws SQLException {
		List<Object> parameters = new ArrayList<>();
		String sql = "SELECT e.kind, COUNT(*) FROM exceptions e WHERE " + where(tenantId, filter, parameters)
				+ " GROUP BY e.kind ORDER BY COUNT(*) DESC, e.kind";
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Connection connection = store.readConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
			bind(query, parameters);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					counts.put(rows.getString(1), rows.getLong(2));
				}
			}
			connection.rollback();
		}
		return counts;
	}

	private static String where(String tenantId, Filter filter, List<Object> parameters) {
		StringBuilder where = new StringBuilder("e.tenant_id = ?");
		parameters.add(tenantId);
		if (filter.openOnly()) {
			where.append(" AND e.state IN ('OPEN', 'RETRYING')");
		}
		condition(where, parameters, "e.state = ?", filter.state());
		condition(where, parameters, "e.kind = ?", filter.kind());
		condition(where, parameters, "e.assignee = ?", filter.assignee());
		condition(where, parameters, "e.created_at < ?", filter.createdBefore());
		if (filter.partnerId() != null) {
			where.append(" AND e.message_id IN (SELECT m.id FROM messages m WHERE m.tenant_id = ? AND m.partner_id = ?)");
			parameters.add(tenantId);
			parameters.add(filter.partnerId());
		}
		return where.toString();
	}

	private static void condition(StringBuilder where, List<Object> parameters, String clause, Object value) {
		if (value != null) {
			where.append(" AND ").append(clause);
			parameters.add(value);
		}
	}

	private static void bind(PreparedStatement query, List<Object> parameters) throws SQLException {
		for (int i = 0; i < parameters.size(); i++) {
			query.setObject(i + 1, parameters.get(i));
		}
	}
}
