package io.syncline.engine;

import java.sql.SQLException;

import io.syncline.store.Checkpoints;

/**
 * An error the JVM cannot go on from (out of memory, a stack overflow) met while processing a message, with what
 * was being processed: the message, its file and the record. The process should end on it; the message stays
 * journaled with its checkpoint, and the error is recorded on it for the next start to report.
 */
public final class FatalProcessingError extends Error {

	private static final long serialVersionUID = 1L;

	private final long messageId;

	private FatalProcessingError(String message, long messageId, Error cause) {
		super(message, cause);
		this.messageId = messageId;
	}

	public long messageId() {
		return messageId;
	}

	static FatalProcessingError of(Error fatal, MessageRun run, Checkpoints journal, String tenantId) {
		if (fatal instanceof FatalProcessingError already) {
			return already;
		}
		String what = describe(fatal);
		String where = "message " + run.message + " (" + run.sourceName
				+ (run.atRecord > 0 ? ", record " + run.atRecord : "") + ")";
		// the stack is unwound and what it held is free again, so this small write usually succeeds
		try {
			journal.recordError(tenantId, run.message, what + " at record " + run.atRecord);
		} catch (SQLException | RuntimeException | Error ignored) {
			// the error itself is what matters; the process ends on it either way
		}
		return new FatalProcessingError(where + ": " + what, run.message, fatal);
	}

	private static String describe(Error fatal) {
		if (fatal instanceof OutOfMemoryError) {
			return "out of memory (" + (fatal.getMessage() == null ? "heap" : fatal.getMessage())
					+ "; -Xmx in SYNCLINE_JAVA_OPTS sets the heap)";
		}
		if (fatal instanceof StackOverflowError) {
			return "stack overflow";
		}
		return fatal.getClass().getSimpleName() + (fatal.getMessage() == null ? "" : ": " + fatal.getMessage());
	}
}
