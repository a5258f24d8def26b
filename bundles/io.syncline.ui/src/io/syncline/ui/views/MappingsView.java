package io.syncline.ui.views;

public final class MappingsView extends StatusView {

	@Override
	protected String heading() {
		return "Mappings";
	}

	@Override
	protected String statusMessage() {
		return "No mapping open. Mappings of the partners' formats to the canonical model appear here; open one to edit it against a sample file.";
	}
}
