package io.syncline.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingResources;
import io.syncline.store.MappingVersions;
import io.syncline.store.Store;

/**
 * The mappings a tenant has published into the store. Each version is compiled once and kept: a published version
 * never changes (the store refuses to overwrite it), so the compiled plan can be reused without invalidation.
 */
public final class PublishedMappings implements MappingSource {

	private final MappingVersions versions;
	private final String tenantId;
	private final Map<String, Resolved> compiled = new ConcurrentHashMap<>();

	public PublishedMappings(Store store, String tenantId) {
		this.versions = new MappingVersions(store);
		this.tenantId = tenantId;
	}

	/** How long the current version of a mapping is trusted before the store is asked again. */
	private static final long LATEST_FOR_NANOS = TimeUnit.SECONDS.toNanos(5);

	/** The latest version number per mapping and when it was read: a publish elsewhere shows within seconds. */
	private record Latest(int version, long readAt) {
	}

	private final Map<String, Latest> latest = new ConcurrentHashMap<>();

	@Override
	public Resolved resolve(String name, Integer version) throws IOException, SQLException, MappingCompileException {
		if (version == null) {
			Latest known = latest.get(name);
			if (known != null && System.nanoTime() - known.readAt() < LATEST_FOR_NANOS) {
				Resolved compiledLatest = compiled.get(name + "@" + known.version());
				if (compiledLatest != null) {
					return compiledLatest;
				}
			}
		}
		MappingVersions.Version found = (version == null ? versions.latest(tenantId, name)
				: versions.get(tenantId, name, version))
				.orElseThrow(() -> new IllegalArgumentException("mapping " + name
						+ (version == null ? " is not published" : " has no version " + version)
						+ " for tenant " + tenantId));
		if (version == null) {
			latest.put(name, new Latest(found.version(), System.nanoTime()));
		}
		String key = name + "@" + found.version();
		Resolved known = compiled.get(key);
		if (known != null) {
			return known;
		}
		Resolved made = new Resolved(MappingCompiler.compile(MappingResources.load(found.content(), name + ".synmap"),
				MappingEnvironment.offline()), found.version());
		compiled.put(key, made);
		return made;
	}

	/** Checks that the content compiles, then publishes it as the next version. */
	public MappingVersions.Version publish(String name, byte[] synmap, String author, String comment)
			throws IOException, SQLException, MappingCompileException {
		MappingCompiler.compile(MappingResources.load(synmap, name + ".synmap"), MappingEnvironment.offline());
		MappingVersions.Version published = versions.publish(tenantId, name, synmap, author, comment);
		latest.remove(name); // this process maps with the new version at once
		return published;
	}

	/** Publishes every .synmap of a directory that differs from its latest version; returns what was new. */
	public List<MappingVersions.Version> importDirectory(Path directory, String author)
			throws IOException, SQLException, MappingCompileException {
		List<MappingVersions.Version> published = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.filter(p -> p.getFileName().toString().endsWith(".synmap")).sorted().toList();
		}
		for (Path file : files) {
			String name = file.getFileName().toString().replaceFirst("\\.synmap$", "");
			byte[] content = Files.readAllBytes(file);
			var latest = versions.latest(tenantId, name);
			if (latest.isPresent() && latest.get().sha256().equals(MappingVersions.sha256(content))) {
				continue; // unchanged since the last import: neither compiled nor published again
			}
			published.add(publish(name, content, author, "imported from " + file.getFileName()));
		}
		return published;
	}

	public List<MappingVersions.Version> versions(String name) throws SQLException {
		return versions.list(tenantId, name);
	}

	/** The latest version of every mapping, by name. */
	public List<MappingVersions.Version> latestOfEach() throws SQLException {
		return versions.latestOfEach(tenantId);
	}

	/** One version as published; empty if the mapping or the version is not the tenant's. */
	public java.util.Optional<MappingVersions.Version> version(String name, int version) throws SQLException {
		return versions.get(tenantId, name, version);
	}
}
