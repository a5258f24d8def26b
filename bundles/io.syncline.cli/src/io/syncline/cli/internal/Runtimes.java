package io.syncline.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Stream;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.store.Store;

/** Where the scripting commands find their store and mappings. */
final class Runtimes {

	static final String TENANT = "harbor";

	private Runtimes() {
	}

	/** The H2 store under the data directory, or PostgreSQL if SYNCLINE_DB_URL names one. */
	static Store store(CommandContext context) throws SQLException {
		String url = System.getenv("SYNCLINE_DB_URL");
		if (url != null && !url.isBlank()) {
			return Store.open(url, System.getenv().getOrDefault("SYNCLINE_DB_USER", "syncline"),
					System.getenv().getOrDefault("SYNCLINE_DB_PASSWORD", ""), 4);
		}
		return Store.openH2(context.dataDirectory());
	}

	/** The mappings given, or those of the demo content shipped with this installation. */
	static Path mappings(String given) throws IOException {
		if (given != null) {
			return Path.of(given);
		}
		String installArea = System.getProperty("osgi.install.area");
		if (installArea != null) {
			Path plugins = Path.of(URI.create(installArea.replace(" ", "%20"))).resolve("plugins");
			if (Files.isDirectory(plugins)) {
				try (Stream<Path> bundles = Files.list(plugins)) {
					Path demo = bundles.filter(p -> p.getFileName().toString().startsWith("io.syncline.demo_"))
							.findFirst().orElse(null);
					if (demo != null && Files.isDirectory(demo.resolve("mappings"))) {
						return demo.resolve("mappings");
					}
				}
			}
		}
		throw new IllegalArgumentException("no mappings found: give --mappings DIR");
	}
}
