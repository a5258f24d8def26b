package io.syncline.cli.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;

/** Where the scripting commands find their store and mappings. */
final class Runtimes {

	private Runtimes() {
	}

	/**
	 * The local runtime of the Harbor tenant on the data directory (or SYNCLINE_DB_URL), with the given mappings
	 * (or the shipped demo mappings) published: unchanged ones are not published again.
	 */
	static LocalRuntime runtime(CommandContext context, String mappings) throws IOException {
		return runtime(context, mappings, new BigDecimal("2"));
	}

	static LocalRuntime runtime(CommandContext context, String mappings, BigDecimal tolerancePercent)
			throws IOException {
		LocalSettings settings = LocalSettings.harbor(context.dataDirectory(), mappings(mappings))
				.withPriceTolerance(tolerancePercent);
		String url = databaseUrl(context);
		if (url != null && !url.isBlank()) {
			settings = settings.withDatabase(url, System.getenv().getOrDefault("SYNCLINE_DB_USER", "syncline"),
					System.getenv().getOrDefault("SYNCLINE_DB_PASSWORD", ""));
		}
		return LocalRuntime.open(settings);
	}

	/** The JDBC URL of the store when it is not the data directory's H2 file: {@code --db}, or SYNCLINE_DB_URL. */
	static String databaseUrl(CommandContext context) {
		return context.option("db") != null ? context.option("db") : System.getenv("SYNCLINE_DB_URL");
	}

	/** Whether the store is PostgreSQL, whose own tools back it up and vacuum it. */
	static boolean postgres(CommandContext context) {
		String url = databaseUrl(context);
		return url != null && url.startsWith("jdbc:postgresql:");
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
