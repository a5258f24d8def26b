package io.syncline.transport;

import java.util.Locale;

/**
 * Names a file carries while it is still being written, by the convention partners' tools follow: a leading dot, or
 * {@code .part}, {@code .tmp}, {@code .filepart} at the end. Such a file is never taken, from an inbox folder or an
 * SFTP folder.
 */
public final class TemporaryNames {

	private TemporaryNames() {
	}

	public static boolean temporary(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return name.startsWith(".") || lower.endsWith(".part") || lower.endsWith(".tmp") || lower.endsWith(".filepart");
	}
}
