package io.syncline.ui.internal.connections;

import io.syncline.runtime.api.StreamState;

/** A stream state in the few words a status line or a view's live bar has room for. */
public final class LiveText {

	private LiveText() {
	}

	public static String of(StreamState state) {
		return switch (state.kind()) {
		case CONNECTED -> "Live";
		case RECONNECTING -> "Live events lost, reconnecting: " + state.message();
		case CLOSED -> "Not live: " + state.message();
		};
	}
}
