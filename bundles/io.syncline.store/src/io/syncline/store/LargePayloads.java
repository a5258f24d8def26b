package io.syncline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Payloads too large to hold: the gzip stream is cut into pieces of {@link #PIECE_SIZE} bytes, one row each, written
 * while the source is read and read back one piece at a time, so memory stays flat whatever the file's size. The
 * SHA-256 is taken over the bytes as received and checked again when the last piece has been read.
 */
final class LargePayloads {

	/** Compressed bytes per stored piece. */
	static final int PIECE_SIZE = 1 << 20;

	private static final int GZIP_BUFFER = 64 * 1024;

	private final Store store;

	LargePayloads(Store store) {
		this.store = store;
	}

	/** What was stored: the bytes received, their hash, and the number of pieces. */
	record Stored(long size, String sha256, int pieces) {
	}

	/** Stores the source as the message's pieces, in the caller's transaction. */
	static Stored write(Connection connection, String tenantId, long messageId, InputStream source)
			throws SQLException, IOException {
		MessageDigest digest = sha256();
		PieceWriter pieces = new PieceWriter(connection, tenantId, messageId);
		long size = 0;
		try (DigestInputStream in = new DigestInputStream(source, digest);
				GZIPOutputStream zip = new GZIPOutputStream(pieces, GZIP_BUFFER)) {
			byte[] buffer = new byte[GZIP_BUFFER];
			int read;
			while ((read = in.read(buffer)) > 0) {
				zip.write(buffer, 0, read);
				size += read;
			}
		} catch (UncheckedSqlException e) {
			throw e.sql();
		}
		return new Stored(size, HexFormat.of().formatHex(digest.digest()), pieces.written());
	}

	/**
	 * The bytes as received, read piece by piece in short transactions of their own; the stream fails at its end if
	 * they do not match the stored hash.
	 */
	InputStream open(String tenantId, long messageId, int pieces, String sha256) throws IOException {
		MessageDigest digest = sha256();
		InputStream compressed = new PieceReader(tenantId, messageId, pieces);
		InputStream plain = new DigestInputStream(new GZIPInputStream(compressed, GZIP_BUFFER), digest);
		return new InputStream() {
			private boolean checked;

			@Override
			public int read() throws IOException {
				int b = plain.read();
				if (b < 0) {
					check();
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int read = plain.read(buffer, offset, length);
				if (read < 0) {
					check();
				}
				return read;
			}

			private void check() throws IOException {
				if (!checked) {
					checked = true;
					if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
						throw new IOException("message " + messageId + ": stored payload does not match its hash");
					}
				}
			}

			@Override
			public void close() throws IOException {
				plain.close();
			}
		};
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static final class PieceWriter extends OutputStream {
		private final PreparedStatement insert;
		private final byte[] piece = new byte[PIECE_SIZE];
		private int filled;
		private int written;

		PieceWriter(Connection connection, String tenantId, long messageId) throws SQLException {
			insert = connection.prepareStatement(
					"INSERT INTO message_payload_pieces (tenant_id, message_id, piece, data) VALUES (?, ?, ?, ?)");
			insert.setString(1, tenantId);
			insert.setLong(2, messageId);
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			while (length > 0) {
				int take = Math.min(length, piece.length - filled);
				System.arraycopy(bytes, offset, piece, filled, take);
				filled += take;
				offset += take;
				length -= take;
				if (filled == piece.length) {
					flushPiece();
				}
			}
		}

		private void flushPiece() {
			if (filled == 0) {
				return;
			}
			try {
				insert.setInt(3, written);
				insert.setBytes(4, java.util.Arrays.copyOf(piece, filled));
				insert.executeUpdate();
			} catch (SQLException e) {
				throw new UncheckedSqlException(e);
			}
			written++;
			filled = 0;
		}

		@Override
		public void close() {
			flushPiece();
			try {
				insert.close();
			} catch (SQLException e) {
				throw new UncheckedSqlException(e);
			}
		}

		int written() {
			return written;
		}
	}

	/** The compressed pieces in order, each fetched when the one before is used up. */
	private final class PieceReader extends InputStream {
		private final String tenantId;
		private final long messageId;
		private final int pieces;
		private int next;
		private byte[] current = new byte[0];
		private int at;

		PieceReader(String tenantId, long messageId, int pieces) {
			this.tenantId = tenantId;
			this.messageId = messageId;
			this.pieces = pieces;
		}

		@Override
		public int read() throws IOException {
			if (!fill()) {
				return -1;
			}
			return current[at++] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int take = Math.min(length, current.length - at);
			System.arraycopy(current, at, buffer, offset, take);
			at += take;
			return take;
		}

		private boolean fill() throws IOException {
			while (at == current.length) {
				if (next == pieces) {
					return false;
				}
				current = fetch(next++);
				at = 0;
			}
			return true;
		}

		private byte[] fetch(int piece) throws IOException {
			try (Connection connection = store.readConnection();
					PreparedStatement query = connection.prepareStatement("SELECT data FROM message_payload_pieces "
							+ "WHERE tenant_id = ? AND message_id = ? AND piece = ?")) {
				query.setString(1, tenantId);
				query.setLong(2, messageId);
				query.setInt(3, piece);
				try (ResultSet row = query.executeQuery()) {
					if (!row.next()) {
						throw new IOException("message " + messageId + ": piece " + piece + " of its payload is missing");
					}
					byte[] data = row.getBytes(1);
					connection.rollback();
					return data;
				}
			} catch (SQLException e) {
				throw new IOException("message " + messageId + ": cannot read its payload: " + e.getMessage(), e);
			}
		}
	}
}
