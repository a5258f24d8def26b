package io.syncline.ui.views;

import io.syncline.ui.internal.runtime.ConsoleRuntime;

public final class RuntimesView extends StatusView {

	@Override
	protected String heading() {
		return "Runtimes";
	}

	@Override
	protected String statusMessage() {
		return "No runtime connected. The local runtime runs inside the console; remote runtimes are reached over HTTPS.";
	}

	@Override
	protected String messageFor(ConsoleRuntime.Status status) {
		return status.message();
	}
}
