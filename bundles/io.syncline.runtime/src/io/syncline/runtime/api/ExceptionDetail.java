package io.syncline.runtime.api;

import java.util.List;

/**
 * An exception with what a person needs to resolve it: the message, the payload a resubmit would send (edited or
 * original, with which it is) and the audit history.
 */
public record ExceptionDetail(ExceptionSummary exception, MessageSummary message, byte[] payload,
		boolean payloadEdited, List<AuditEntry> history) {

	public ExceptionDetail {
		history = List.copyOf(history);
	}
}
