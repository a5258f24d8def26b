package io.syncline.runtime.local;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * How a local runtime runs: for which tenant, where its data lives (the H2 database unless {@code jdbcUrl} names a
 * PostgreSQL server; the outbox), its price tolerance, and a folder of mappings to publish on start (the demo
 * content), or null.
 */
public record LocalSettings(String tenantId, Path dataDirectory, String jdbcUrl, String user, String password,
		BigDecimal priceTolerancePercent, Path mappingsToImport) {

	public static LocalSettings harbor(Path dataDirectory, Path mappingsToImport) {
		return new LocalSettings("harbor", dataDirectory, null, null, null, new BigDecimal("2"), mappingsToImport);
	}

	public LocalSettings withDatabase(String url, String databaseUser, String databasePassword) {
		return new LocalSettings(tenantId, dataDirectory, url, databaseUser, databasePassword, priceTolerancePercent,
				mappingsToImport);
	}

	public LocalSettings withPriceTolerance(BigDecimal percent) {
		return new LocalSettings(tenantId, dataDirectory, jdbcUrl, user, password, percent, mappingsToImport);
	}
}
