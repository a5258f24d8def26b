package io.syncline.ui.views;

public final class RuntimesView extends StatusView {

	@Override
	protected String heading() {
		return "Runtimes";
	}

	@Override
	protected String statusMessage() {
		return "No runtime connected. The local runtime runs inside the console; remote runtimes are reached over HTTPS.";
	}
}
