package io.syncline.engine;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The mode of what an outbox holds, so a partner's pickup process (another user, in the runtime's group) can read
 * it while everything else stays owner-only: {@code -Dsyncline.outbox.mode=640} (octal; the launchers pass
 * {@code SYNCLINE_OUTBOX_MODE}). Files get the mode; the outbox's folders get it with search added wherever read
 * is (640 → 750). Unset, the outbox is as private as the rest.
 */
final class OutboxMode {

	private static final PosixFilePermission[] BITS = { PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
			PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
			PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
			PosixFilePermission.OTHERS_EXECUTE };

	private final Set<PosixFilePermission> files;
	private final Set<PosixFilePermission> folders;

	private OutboxMode(Set<PosixFilePermission> files) {
		this.files = files;
		this.folders = EnumSet.copyOf(files);
		for (int who = 0; who < 3; who++) {
			if (files.contains(BITS[who * 3])) {
				folders.add(BITS[who * 3 + 2]);
			}
		}
	}

	/** The configured mode, or null when none is (or the file system has no POSIX modes). */
	static OutboxMode configured() {
		String octal = System.getProperty("syncline.outbox.mode");
		if (octal == null || octal.isBlank()
				|| !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return null;
		}
		if (!octal.strip().matches("0?[0-7]{3}")) {
			throw new IllegalArgumentException("SYNCLINE_OUTBOX_MODE " + octal + " is not an octal mode like 640");
		}
		int mode = Integer.parseInt(octal.strip(), 8);
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		for (int bit = 0; bit < 9; bit++) {
			if ((mode & (1 << (8 - bit))) != 0) {
				permissions.add(BITS[bit]);
			}
		}
		permissions.add(PosixFilePermission.OWNER_READ);
		permissions.add(PosixFilePermission.OWNER_WRITE);
		return new OutboxMode(permissions);
	}

	/** Opens the outbox, the partner's folder and a file about to be published in it. */
	void apply(Path outbox, Path folder, Path file) throws IOException {
		Files.setPosixFilePermissions(outbox, folders);
		Files.setPosixFilePermissions(folder, folders);
		Files.setPosixFilePermissions(file, files);
	}
}
