package io.syncline.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

import io.syncline.store.MessageJournal;

/**
 * The bytes of a message being processed: held in memory for an ordinary document, or read as a stream from the
 * journal for a large one, which is then mapped and applied in chunks and never held whole.
 */
final class Payload {

	/** Opens the bytes anew, from the start. */
	@FunctionalInterface
	interface Opener {
		InputStream open() throws IOException, SQLException;
	}

	private final byte[] bytes;
	private final Opener opener;
	private final long size;
	private final String sourceName;

	private Payload(String sourceName, byte[] bytes, Opener opener, long size) {
		this.sourceName = sourceName;
		this.bytes = bytes;
		this.opener = opener;
		this.size = size;
	}

	static Payload inMemory(String sourceName, byte[] bytes) {
		return new Payload(sourceName, bytes, null, bytes.length);
	}

	static Payload streamed(String sourceName, long size, Opener opener) {
		return new Payload(sourceName, null, opener, size);
	}

	/** True when the document is too large to hold: it is mapped as a stream and applied in chunks. */
	boolean streamed() {
		return bytes == null;
	}

	long size() {
		return size;
	}

	InputStream open() throws IOException {
		if (bytes != null) {
			return new ByteArrayInputStream(bytes);
		}
		try {
			return opener.open();
		} catch (SQLException e) {
			throw new IOException(sourceName + ": cannot read its payload from the journal: " + e.getMessage(), e);
		}
	}

	/**
	 * The whole document, for the workflows that take a document as one (a snapshot, an XMI data set); a streamed
	 * one is read in if it is small enough to hold, and refused by name otherwise.
	 */
	byte[] bytes() throws IOException {
		if (bytes != null) {
			return bytes;
		}
		if (size >= MessageJournal.HOLD_LIMIT) {
			throw new IOException(sourceName + " is " + (size >> 20) + " MB; this workflow takes a document whole, "
					+ "and takes at most " + (MessageJournal.HOLD_LIMIT >> 20) + " MB");
		}
		try (InputStream in = open()) {
			return in.readAllBytes();
		}
	}
}
