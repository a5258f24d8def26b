package io.syncline.runtime.client.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.syncline.runtime.api.AccessDeniedException;
import io.syncline.runtime.api.AccessToken;
import io.syncline.runtime.api.AuditEntry;
import io.syncline.runtime.api.AuditQuery;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.IssuedToken;
import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.api.NewToken;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.api.Principal;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.local.LocalRuntime;

/**
 * A tenant's ADMIN manages the tenant's tokens through the API, for the runtime contract (local and remote): one is
 * created with a reason and acts as its user from then on, is listed without its secret, and once revoked acts no
 * more; another tenant's token cannot be seen or revoked, and a role below ADMIN may do none of it.
 */
final class TokenChecks {

	private TokenChecks() {
	}

	/** {@code admin}: an ADMIN of Harbor; {@code operator}: an OPERATOR of Harbor; {@code root}: the store's runtime. */
	static void aTenantAdminCreatesListsAndRevokesItsTenantsTokens(IntegrationRuntime admin,
			IntegrationRuntime operator, LocalRuntime root) {
		Instant before = Instant.now();
		IssuedToken issued = admin.createToken(new NewToken("feed-bot", Role.OPERATOR, Duration.ofDays(7),
				"the nightly stock feed"));
		assertTrue(issued.secret().startsWith("syn_") && issued.secret().length() >= 40, "at least 128 random bits");
		assertEquals("harbor", issued.token().tenantId(), "a token of the caller's tenant");
		assertEquals(Role.OPERATOR, issued.token().role());
		assertTrue(issued.token().expiresAt().isAfter(before.plus(Duration.ofDays(7)).minusSeconds(60))
				&& issued.token().expiresAt().isBefore(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60)),
				"valid for the 7 days asked: " + issued.token().expiresAt());
		assertEquals(new Principal("feed-bot", Role.OPERATOR, "harbor"),
				root.accessTokens().authenticate(issued.secret()).orElseThrow(), "it acts as its user from now on");

		root.createTenant(new NewTenant("northstar", "Northstar Industrial", "harbor", "ZZ:NORTHSTAR", "test"));
		long foreign = root.accessTokens().create("northstar", "nora", Role.ADMIN, Duration.ofDays(1)).token().id();
		List<AccessToken> listed = admin.tokens();
		assertTrue(listed.stream().anyMatch(t -> t.id() == issued.token().id() && t.valid()), "listed: " + listed);
		assertTrue(listed.stream().allMatch(t -> t.tenantId().equals("harbor")), "only the tenant's own: " + listed);
		assertThrows(NotFoundException.class, () -> admin.revokeToken(foreign, "not ours"),
				"another tenant's token is not there");
		assertTrue(root.accessTokens().list().stream().anyMatch(t -> t.id() == foreign && t.valid()),
				"and stays valid");

		assertThrows(AccessDeniedException.class, operator::tokens, "an OPERATOR does not see tokens");
		assertThrows(AccessDeniedException.class,
				() -> operator.createToken(new NewToken("sneaky", Role.ADMIN, Duration.ofDays(1), "escalation")));
		assertThrows(IllegalArgumentException.class,
				() -> admin.createToken(new NewToken("forever", Role.VIEWER, Duration.ofDays(800), "never expires")),
				"a token expires within a year");

		AccessToken revoked = admin.revokeToken(issued.token().id(), "the feed moved to SFTP");
		assertNotNull(revoked.revokedAt());
		assertTrue(root.accessTokens().authenticate(issued.secret()).isEmpty(), "revoked from its next use on");
		String subject = "token/" + issued.token().id();
		List<AuditEntry> audit = admin.audit(AuditQuery.newest().about(subject)).items();
		String actor = admin.principal().user();
		assertTrue(audit.stream().anyMatch(a -> a.action().equals("token-create") && a.actor().equals(actor)
				&& a.reason().contains("the nightly stock feed")), "the creation is audited with its reason: " + audit);
		assertTrue(audit.stream().anyMatch(a -> a.action().equals("token-revoke") && a.actor().equals(actor)
				&& a.reason().equals("the feed moved to SFTP")), "and the revocation: " + audit);
		assertTrue(audit.stream().noneMatch(a -> String.valueOf(a.after()).contains(issued.secret())
				|| String.valueOf(a.reason()).contains(issued.secret())), "the secret is never audited");
	}
}
