package io.syncline.runtime.api;

/**
 * How a live event subscription stands, for a view to say so: a remote runtime's stream can be lost and comes back
 * by itself from the last event seen; an in-process one is connected until it is closed.
 */
public record StreamState(Kind kind, String message) {

	public enum Kind {
		CONNECTED, RECONNECTING, CLOSED
	}

	public boolean connected() {
		return kind == Kind.CONNECTED;
	}
}
