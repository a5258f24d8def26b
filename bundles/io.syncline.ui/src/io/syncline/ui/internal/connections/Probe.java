package io.syncline.ui.internal.connections;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.RetentionStatus;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.api.RuntimeStatus;
import io.syncline.runtime.api.Tenant;
import io.syncline.runtime.api.WorkerStatus;
import io.syncline.runtime.client.RemoteRuntime;
import io.syncline.runtime.client.RemoteSettings;

/** What testing a connection found: up with its status, or why not. Runs off the UI thread; it blocks. */
public record Probe(Connection connection, boolean up, RuntimeStatus status, List<String> tenants, String error,
		Instant at) {

	/** Short timeouts: a person waits for the answer. */
	static final Duration CONNECT = Duration.ofSeconds(3);
	static final Duration READ = Duration.ofSeconds(10);

	public static Probe of(Connection connection, IntegrationRuntime runtime) {
		try {
			RuntimeStatus status = runtime.status();
			return new Probe(connection, true, status, runtime.tenants().stream().map(Tenant::tenantId).toList(), null,
					Instant.now());
		} catch (RuntimeException e) {
			return failed(connection, e);
		}
	}

	/** Connects to a remote runtime with its token, asks its status, and disconnects. */
	public static Probe remote(Connection connection, String token) {
		if (token == null) {
			return new Probe(connection, false, null, List.of(), "no token is stored for this connection", Instant.now());
		}
		try (RemoteRuntime remote = RemoteRuntime.connect(settings(connection, token))) {
			return of(connection, remote);
		} catch (RuntimeException e) {
			return failed(connection, e);
		}
	}

	static RemoteSettings settings(Connection connection, String token) {
		RemoteSettings settings = RemoteSettings.of(connection.url(), token).timeouts(CONNECT, Duration.ofSeconds(45),
				Duration.ofSeconds(60));
		return connection.tenant() == null ? settings : settings.inTenant(connection.tenant());
	}

	private static Probe failed(Connection connection, RuntimeException e) {
		return new Probe(connection, false, null, List.of(), RuntimeFailure.reasonOf(e), Instant.now());
	}

	/** The state column: up, up with a stuck worker named, or unreachable. */
	public String state() {
		if (!up) {
			return "Unreachable";
		}
		List<String> stuck = status == null ? List.of()
				: status.stuckWorkers().stream().map(WorkerStatus::name).toList();
		return stuck.isEmpty() ? "Up" : "Up, stuck: " + String.join(", ", stuck);
	}

	/**
	 * When the tenant's latest purge ran and how many rows and payloads it removed ("Dec 7 14:00: 1,204 removed",
	 * "Dec 31 23:59: 1.2M removed"), or its journal's period while nothing was purged; empty for a runtime that says
	 * nothing of retention. What went, kind by kind, is in the audit and the event.
	 */
	public String lastPurge() {
		RetentionStatus retention = status == null ? null : status.retention();
		if (retention == null) {
			return "";
		}
		if (retention.lastPurgeAt() == null) {
			return "none yet (journal kept " + retention.policy().getOrDefault("retention.journal", "?") + ")";
		}
		String when = java.time.format.DateTimeFormatter.ofPattern("MMM d HH:mm", java.util.Locale.ROOT)
				.format(retention.lastPurgeAt().atZone(java.time.ZoneId.systemDefault()));
		return when + ": " + count(retention.lastPurgedRows() + retention.lastPurgedPayloads()) + " removed";
	}

	/** 1,204 as it is; from 10,000 on, 12.3k or 1.2M, so a large purge fits its column. */
	static String count(long value) {
		if (value < 10_000) {
			return String.format(java.util.Locale.ROOT, "%,d", value);
		}
		return value < 1_000_000 ? String.format(java.util.Locale.ROOT, "%.1fk", value / 1e3)
				: String.format(java.util.Locale.ROOT, "%.1fM", value / 1e6);
	}

	public String uptime() {
		if (status == null || status.startedAt() == null) {
			return "";
		}
		Duration up = Duration.between(status.startedAt(), at);
		return up.toDays() > 0 ? up.toDays() + " d " + up.toHoursPart() + " h"
				: up.toHours() > 0 ? up.toHours() + " h " + up.toMinutesPart() + " min" : up.toMinutes() + " min";
	}
}
