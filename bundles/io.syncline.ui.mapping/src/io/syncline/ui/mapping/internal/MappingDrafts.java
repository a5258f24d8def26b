package io.syncline.ui.mapping.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An analyst's local drafts: the {@code .synmap} files of one folder (by default {@code mappings} in the console's
 * workspace), which analysts keep under version control. Files are written aside and renamed into place, never
 * overwritten: a draft made from a published version that is already there gets a name of its own.
 */
public final class MappingDrafts {

	public static final String EXTENSION = ".synmap";

	private final Path folder;

	public MappingDrafts(Path folder) {
		this.folder = folder;
	}

	public Path folder() {
		return folder;
	}

	/** The drafts, by name. */
	public List<Path> list() throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(f))
					.sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
		}
	}

	/** A new draft named after {@code name} with these bytes; {@code name (2)} … if that name is taken. */
	public Path add(String name, byte[] xmi) throws IOException {
		Files.createDirectories(folder);
		String base = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
		if (base.isBlank() || base.contains("/") || base.contains("\\") || base.startsWith(".")) {
			throw new IllegalArgumentException("a draft's name is a file name, not " + name);
		}
		Path target = folder.resolve(base + EXTENSION);
		for (int n = 2; Files.exists(target); n++) {
			target = folder.resolve(base + " (" + n + ")" + EXTENSION);
		}
		Path aside = Files.createTempFile(folder, ".draft", ".part");
		try {
			Files.write(aside, xmi);
			Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(aside);
		}
		return target;
	}

	/** A copy of a {@code .synmap} file from elsewhere, as a new draft. */
	public Path importFile(Path file) throws IOException {
		if (!file.getFileName().toString().endsWith(EXTENSION)) {
			throw new IllegalArgumentException(file + " is not a mapping (" + EXTENSION + ")");
		}
		return add(file.getFileName().toString(), Files.readAllBytes(file));
	}

	/** Deletes a draft of this folder; anything else is refused. */
	public void delete(Path draft) throws IOException {
		if (!draft.toAbsolutePath().normalize().getParent().equals(folder.toAbsolutePath().normalize())) {
			throw new IllegalArgumentException(draft + " is not a draft of " + folder);
		}
		Files.delete(draft);
	}
}
