package io.syncline.ui.views;

import io.syncline.ui.internal.runtime.ConsoleRuntime;

public final class ExceptionsView extends StatusView {

	@Override
	protected String heading() {
		return "Exceptions";
	}

	@Override
	protected String statusMessage() {
		return NO_RUNTIME;
	}

	@Override
	protected String messageFor(ConsoleRuntime.Status status) {
		return status.state() == ConsoleRuntime.State.READY ? status.message() + " Exceptions are listed here in"
				+ " a later version; until then the runtime's journal and exceptions commands show them." : null;
	}
}
