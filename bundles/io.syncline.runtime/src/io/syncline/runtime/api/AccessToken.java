package io.syncline.runtime.api;

import java.time.Instant;

/**
 * A bearer token as listed: who it acts as, in which tenant ({@code *}: every tenant), with which role, until when,
 * and who made or revoked it. Never the token itself, which is stored only as a hash.
 */
public record AccessToken(long id, String tenantId, String user, Role role, Instant createdAt, String createdBy,
		Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

	public boolean valid() {
		return revokedAt == null && Instant.now().isBefore(expiresAt);
	}
}
