package io.syncline.ui.views;

public final class MonitorView extends StatusView {

	@Override
	protected String heading() {
		return "Transactions";
	}

	@Override
	protected String statusMessage() {
		return NO_RUNTIME;
	}
}
