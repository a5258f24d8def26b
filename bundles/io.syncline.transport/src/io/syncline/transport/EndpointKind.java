package io.syncline.transport;

import java.util.Arrays;
import java.util.Locale;

/** How an endpoint reaches its partner, and which ways it can carry documents. */
public enum EndpointKind {
	FOLDER(true, true), SFTP(true, true), AS2(true, true), WEBHOOK(true, false), HTTP(true, true), JDBC(true, false);

	private final boolean in;
	private final boolean out;

	EndpointKind(boolean in, boolean out) {
		this.in = in;
		this.out = out;
	}

	public boolean carries(Endpoint.Direction direction) {
		return direction == Endpoint.Direction.IN ? in : out;
	}

	/** The word a user types: {@code sftp}. */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The kind a user typed, case-insensitive, or an error naming the kinds there are. */
	public static EndpointKind of(String word) {
		for (EndpointKind kind : values()) {
			if (kind.name().equalsIgnoreCase(word == null ? "" : word.strip())) {
				return kind;
			}
		}
		throw new IllegalArgumentException("no endpoint kind '" + word + "'; one of "
				+ Arrays.stream(values()).map(EndpointKind::word).toList());
	}
}
