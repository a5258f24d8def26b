package io.syncline.ui.views;

public final class ExceptionsView extends StatusView {

	@Override
	protected String heading() {
		return "Exceptions";
	}

	@Override
	protected String statusMessage() {
		return NO_RUNTIME;
	}
}
