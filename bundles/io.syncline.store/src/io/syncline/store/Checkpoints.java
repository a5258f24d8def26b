package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where unfinished messages stand (V16): the checkpoint a large message commits with each chunk, the last error known
 * to have stopped one, how many starts resumed it without progress, and setting aside (QUARANTINED) one that stopped
 * the runtime on every start.
 */
public final class Checkpoints {

	private final Store store;

	public Checkpoints(Store store) {
		this.store = store;
	}

	/**
	 * Commits, in the caller's transaction (the one that applied the chunk), how far a message applied in chunks
	 * has come: after a crash it resumes from here, so no record is applied twice and none is skipped.
	 */
	public void checkpoint(Connection connection, String tenantId, long id, long records, long bytes)
			throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE messages SET checkpoint_records = ?, "
				+ "checkpoint_bytes = ? WHERE tenant_id = ? AND id = ?")) {
			update.setLong(1, records);
			update.setLong(2, bytes);
			update.setString(3, tenantId);
			update.setLong(4, id);
			update.executeUpdate();
		}
	}

	/** Where an unfinished message applied in chunks stands: its checkpoint, or zeros. */
	public record Checkpoint(long records, long bytes) {
		public static final Checkpoint START = new Checkpoint(0, 0);
	}

	public Checkpoint checkpointOf(String tenantId, long id) throws SQLException {
		// only a message a stop left unfinished resumes from its checkpoint; one resumed for a due retry (PARKED) goes
		// through again from the start, its applied records declining by their idempotency keys, so the records that
		// waited are applied
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT checkpoint_records, checkpoint_bytes "
						+ "FROM messages WHERE tenant_id = ? AND id = ? AND status = 'RECEIVED'")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet row = query.executeQuery()) {
				Checkpoint checkpoint = row.next() ? new Checkpoint(row.getLong(1), row.getLong(2)) : Checkpoint.START;
				connection.rollback();
				return checkpoint;
			}
		}
	}

	/** Records the last error known to have stopped a message (best effort: the process may be dying). */
	public void recordError(String tenantId, long id, String error) throws SQLException {
		store.inTransaction(connection -> {
			try (PreparedStatement update = connection.prepareStatement(
					"UPDATE messages SET last_error = ? WHERE tenant_id = ? AND id = ?")) {
				update.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
				update.setString(2, tenantId);
				update.setLong(3, id);
				update.executeUpdate();
			}
			return null;
		});
	}

	/**
	 * A start about to resume an unfinished message: {@code resumes} counts the starts that resumed it since its
	 * checkpoint last moved, this one not included; {@code lastError} is the last error known to have stopped it.
	 */
	public record Resume(long id, int resumes, long checkpointRecords, String lastError) {
	}

	/**
	 * Counts a resume before it starts, in a transaction of its own, so a resume that kills the process is counted
	 * too: a message whose checkpoint moved since the last resume starts counting again. Returns the state before
	 * this resume; {@link #quarantine} it instead of resuming when it made no progress across too many resumes.
	 */
	public Resume countResume(String tenantId, long id, int withoutProgressLimit) throws SQLException {
		return store.inTransaction(connection -> {
			Resume before;
			boolean moved;
			try (PreparedStatement query = connection.prepareStatement("SELECT resume_count, resumed_at_records, "
					+ "COALESCE(checkpoint_records, 0), last_error FROM messages WHERE tenant_id = ? AND id = ? "
					+ "FOR UPDATE")) {
				query.setString(1, tenantId);
				query.setLong(2, id);
				try (ResultSet row = query.executeQuery()) {
					if (!row.next()) {
						throw new SQLException("no message " + id + " for tenant " + tenantId);
					}
					int resumes = row.getInt(1);
					long resumedAt = row.getLong(2);
					boolean never = row.wasNull();
					long checkpoint = row.getLong(3);
					moved = never || resumedAt != checkpoint;
					before = new Resume(id, moved ? 0 : resumes, checkpoint, row.getString(4));
				}
			}
			if (before.resumes() >= withoutProgressLimit) {
				return before;
			}
			try (PreparedStatement update = connection.prepareStatement("UPDATE messages SET resume_count = ?, "
					+ "resumed_at_records = ? WHERE tenant_id = ? AND id = ?")) {
				update.setInt(1, before.resumes() + 1);
				update.setLong(2, before.checkpointRecords());
				update.setString(3, tenantId);
				update.setLong(4, id);
				update.executeUpdate();
			}
			return before;
		});
	}

	/** Sets a message aside: it is not resumed again until a person resubmits it. */
	public void quarantine(Connection connection, String tenantId, long id) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE messages SET status = 'QUARANTINED' WHERE tenant_id = ? AND id = ? AND status = 'RECEIVED'")) {
			update.setString(1, tenantId);
			update.setLong(2, id);
			update.executeUpdate();
		}
	}
}
