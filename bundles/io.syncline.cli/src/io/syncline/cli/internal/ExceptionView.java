package io.syncline.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.syncline.runtime.api.AuditEntry;
import io.syncline.runtime.api.ExceptionDetail;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.MessageSummary;

/** An exception as a script reads it: the payload as text rather than bytes. */
record ExceptionView(ExceptionSummary exception, MessageSummary message, boolean payloadEdited, String payload,
		List<AuditEntry> history) {

	static ExceptionView of(ExceptionDetail detail) {
		return new ExceptionView(detail.exception(), detail.message(), detail.payloadEdited(),
				detail.payload() == null ? null : new String(detail.payload(), StandardCharsets.UTF_8), detail.history());
	}
}
