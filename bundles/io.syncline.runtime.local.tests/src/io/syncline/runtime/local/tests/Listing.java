package io.syncline.runtime.local.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The folders an inbox test looks into. */
final class Listing {

	private Listing() {
	}

	/** The names of a folder's entries, sorted; none for a folder that does not exist. */
	static List<String> names(Path folder) throws Exception {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
