package io.syncline.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.model.Mapping;

/** Mappings read from {@code <dir>/<name>.synmap}, compiled on each use: for offline runs and tools. */
public final class DirectoryMappings implements MappingSource {

	private final Path directory;

	public DirectoryMappings(Path directory) {
		this.directory = directory;
	}

	@Override
	public Resolved resolve(String name, Integer version) throws IOException, MappingCompileException {
		Path file = directory.resolve(name + ".synmap");
		if (!Files.isRegularFile(file)) {
			throw new IOException("no mapping " + name + " in " + directory);
		}
		Mapping mapping = MappingResources.load(file);
		int number = mapping.getVersion() == null ? 1 : mapping.getVersion().getNumber();
		if (version != null && version != number) {
			throw new IllegalArgumentException(file + " holds version " + number + " of " + name + ", not " + version);
		}
		return new Resolved(MappingCompiler.compile(mapping, MappingEnvironment.offline()), number);
	}
}
