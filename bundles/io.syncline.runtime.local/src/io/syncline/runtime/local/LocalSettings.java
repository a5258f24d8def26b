package io.syncline.runtime.local;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * How a local runtime runs: for which tenant by default (its id and name, created in the store on the first start),
 * where its data lives (the H2 database unless {@code jdbcUrl} names a PostgreSQL server; the outbox), its price
 * tolerance, and a folder of mappings to publish on start (the demo content), or null.
 */
public record LocalSettings(String tenantId, Path dataDirectory, String jdbcUrl, String user, String password,
		BigDecimal priceTolerancePercent, Path mappingsToImport, String tenantName) {

	public static LocalSettings harbor(Path dataDirectory, Path mappingsToImport) {
		return new LocalSettings("harbor", dataDirectory, null, null, null, new BigDecimal("2"), mappingsToImport,
				"Harbor Supply");
	}

	public LocalSettings withDatabase(String url, String databaseUser, String databasePassword) {
		return new LocalSettings(tenantId, dataDirectory, url, databaseUser, databasePassword, priceTolerancePercent,
				mappingsToImport, tenantName);
	}

	public LocalSettings withPriceTolerance(BigDecimal percent) {
		return new LocalSettings(tenantId, dataDirectory, jdbcUrl, user, password, percent, mappingsToImport,
				tenantName);
	}

	/**
	 * Where a tenant's outbound documents go when they are delivered as files: {@code <data>/outbox} for the default
	 * tenant (as before tenants), {@code <data>/tenants/<id>/outbox} for the others; null without a data directory.
	 */
	public Path outboxOf(String tenant) {
		if (dataDirectory == null) {
			return null;
		}
		return tenant.equals(tenantId) ? dataDirectory.resolve("outbox")
				: dataDirectory.resolve("tenants").resolve(tenant).resolve("outbox");
	}
}
