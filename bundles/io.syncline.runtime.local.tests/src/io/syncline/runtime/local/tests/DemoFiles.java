package io.syncline.runtime.local.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shipped demo content and the folders an inbox test looks into. */
final class DemoFiles {

	private DemoFiles() {
	}

	/** A file of the demo content (samples, mappings, canonical documents), as the build names it. */
	static Path demo(String relative) {
		return Path.of(System.getProperty("syncline.demo")).resolve(relative);
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
