package io.syncline.runtime.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A data directory only its owner can read: every payload, price, order, token hash and audit row is in it. A new
 * one is made {@code rwx------} whatever the umask (the launchers also run with umask 077, so what the runtime
 * creates inside is owner-only too); an existing one that others can read is reported, with the command that fixes
 * it, and left as it is (the owner may have opened it to a group on purpose, e.g. for an outbox pickup).
 */
public final class OwnerOnly {

	private static final Set<PosixFilePermission> OWNER = PosixFilePermissions.fromString("rwx------");
	/** What others may have without a warning: passing through to a folder inside (an outbox's pickup). */
	private static final Set<PosixFilePermission> HARMLESS = EnumSet.of(PosixFilePermission.GROUP_EXECUTE,
			PosixFilePermission.OTHERS_EXECUTE);

	private OwnerOnly() {
	}

	/** Makes the directory if it is missing, owner-only; a warning in one line if an existing one is open to others. */
	public static Optional<String> prepare(Path directory) throws IOException {
		boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			if (posix) {
				Files.setPosixFilePermissions(directory, OWNER);
			}
			return Optional.empty();
		}
		if (!posix) {
			return Optional.empty();
		}
		Set<PosixFilePermission> granted = Files.getPosixFilePermissions(directory);
		Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
		for (PosixFilePermission permission : granted) {
			if (!permission.name().startsWith("OWNER") && !HARMLESS.contains(permission)) {
				open.add(permission);
			}
		}
		return open.isEmpty() ? Optional.empty()
				: Optional.of("the data directory " + directory + " is open to other users of this machine ("
						+ PosixFilePermissions.toString(granted) + "): chmod -R go-rwx " + directory);
	}
}
