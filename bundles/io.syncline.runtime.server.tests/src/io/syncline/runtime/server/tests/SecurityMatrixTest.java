package io.syncline.runtime.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syncline.runtime.api.Role;
import io.syncline.runtime.local.AccessTokens;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.runtime.wire.WireJson;

/**
 * The security matrix, generated from the committed OpenAPI description: for every operation, no token, an expired
 * and a revoked token are 401; another tenant's object is 404; a role too low is 403 and audited with the
 * principal; the role it needs gets through, and a mutation it makes is audited with the principal.
 */
class SecurityMatrixTest {

	@TempDir
	static Path database;

	private static ServedHarbor served;

	@BeforeAll
	static void serve() throws Exception {
		served = new ServedHarbor(database, ServerSettings.loopback(0).authFailuresPerMinute(100_000));
	}

	@AfterAll
	static void stop() {
		served.close();
	}

	record Call(String operation, String method, String template, Role role, boolean mutating, String query,
			byte[] body, String contentType) {

		String path(String tenant, long id) {
			return template.replace("{tenant}", tenant).replace("{id}", Long.toString(id)).replace("{type}", "PO")
					.replace("{key}", "atp.inTransit").replace("{partner}", "zenith")
					.replace("{mapping}", "boltco-catalog").replace("{version}", "1")
					.replace("{endpoint}", "acme-sftp-in") + query;
		}
	}

	static List<Call> calls() throws Exception {
		JsonNode document;
		try (InputStream in = SecurityMatrixTest.class.getResourceAsStream("/openapi.json")) {
			document = WireJson.mapper().readTree(in);
		}
		List<Call> calls = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
				Map.Entry<String, JsonNode> method = methods.next();
				JsonNode operation = method.getValue();
				StringBuilder query = new StringBuilder();
				for (JsonNode parameter : operation.path("parameters")) {
					if (parameter.get("in").asText().equals("query") && parameter.path("required").asBoolean()) {
						query.append(query.length() == 0 ? '?' : '&').append(parameter.get("name").asText()).append('=')
								.append(example(parameter.get("name").asText()));
					}
				}
				JsonNode content = operation.path("requestBody").path("content");
				byte[] body = null;
				String type = null;
				if (content.has("application/json")) {
					JsonNode value = content.get("application/json").get("examples").get("example").get("value").deepCopy();
					String name = operation.get("x-syncline-operation").asText();
					if (name.equals("RETRY")) {
						((ObjectNode) value).putArray("exceptionIds").add(served.harborException);
						((ObjectNode) value).put("dryRun", false);
					}
					if (name.endsWith("_MATCHING")) {
						// for real, on a kind no exception has: the bulk call itself is audited
						((ObjectNode) value).putObject("filter").put("kind", "NO_SUCH_KIND");
						((ObjectNode) value).put("dryRun", false);
					}
					body = WireJson.mapper().writeValueAsBytes(value);
					type = "application/json";
				} else if (content.has("application/octet-stream")) {
					body = "not a known file either".getBytes(StandardCharsets.UTF_8);
					type = "application/octet-stream";
				}
				String role = operation.path("x-syncline-role").asText(null);
				calls.add(new Call(operation.get("x-syncline-operation").asText(), method.getKey().toUpperCase(),
						path.getKey(), role == null ? null : Role.valueOf(role),
						operation.get("x-syncline-mutating").asBoolean(), query.toString(), body, type));
			}
		}
		return calls;
	}

	private static String example(String name) {
		return switch (name) {
		case "partner" -> "wms";
		case "source" -> "stray-2.bin";
		case "key" -> "PO-45001";
		case "item" -> "HS-100101";
		case "warehouse" -> "ATL";
		default -> "x";
		};
	}

	@TestFactory
	List<DynamicTest> everyOperation() throws Exception {
		List<DynamicTest> tests = new ArrayList<>();
		List<Call> calls = calls();
		assertTrue(calls.size() >= 30, "the description lists every operation: " + calls.size());
		for (Call call : calls) {
			if (call.role() != null) {
				tests.add(DynamicTest.dynamicTest(call.operation(), () -> check(call)));
			}
		}
		return tests;
	}

	private void check(Call call) throws Exception {
		String harborPath = call.path("harbor", id(call));
		assertStatus(401, call, harborPath, null, "no token");
		assertStatus(401, call, harborPath, "syn_" + "A".repeat(43), "a token never issued");
		AccessTokens tokens = served.runtime.accessTokens();
		var revoked = tokens.create("harbor", "revoked", Role.ADMIN, Duration.ofDays(1));
		tokens.revoke(revoked.token().id());
		assertStatus(401, call, harborPath, revoked.secret(), "a revoked token");
		var expired = tokens.create("harbor", "expired", Role.ADMIN, Duration.ofMillis(1));
		Thread.sleep(5);
		assertStatus(401, call, harborPath, expired.secret(), "an expired token");
		if (call.template().contains("{tenant}")) {
			assertStatus(404, call, harborPath, served.northstarAdmin, "another tenant's tenant");
			if (call.template().contains("{id}")) {
				assertStatus(404, call, call.path("northstar", id(call)), served.northstarAdmin,
						"another tenant's object by id, in the caller's own tenant");
			}
		}
		if (call.role() != Role.VIEWER || call.operation().equals("CREATE_TENANT")) {
			Role below = call.role() == Role.VIEWER ? Role.ADMIN : Role.values()[call.role().ordinal() - 1];
			String user = below.name().toLowerCase();
			int deniedBefore = served.audited(user, "denied");
			assertStatus(403, call, harborPath, served.harbor.get(below), "role " + below);
			assertEquals(deniedBefore + 1, served.audited(user, "denied"), call + ": a refusal is audited with " + user);
		}
		if (call.operation().equals("EVENTS")) {
			return; // a stream does not end; the client contract follows one
		}
		String allowed = call.operation().equals("CREATE_TENANT") ? served.everyTenantAdmin : served.harbor.get(Role.ADMIN);
		String user = call.operation().equals("CREATE_TENANT") ? "partner-admin" : "admin";
		int before = auditedBy(user);
		HttpResponse<String> response = send(call, harborPath, allowed);
		assertFalse(Set.of(401, 403, 429).contains(response.statusCode()) || response.statusCode() >= 500,
				call.operation() + " with the role it needs: " + response.statusCode() + " " + response.body());
		if (call.mutating() && response.statusCode() < 300) {
			assertTrue(auditedBy(user) > before, call.operation() + ": a mutation is audited with " + user);
		}
	}

	private static long id(Call call) {
		if (call.template().contains("/tokens/")) {
			return served.harborSpareToken;
		}
		return call.template().contains("/messages/") ? served.harborMessage : served.harborException;
	}

	private static int auditedBy(String actor) throws Exception {
		try (var connection = served.store.connection();
				var query = connection.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE actor = ?")) {
			query.setString(1, actor);
			try (var row = query.executeQuery()) {
				row.next();
				int count = row.getInt(1);
				connection.rollback();
				return count;
			}
		}
	}

	private static HttpResponse<String> send(Call call, String path, String token) throws Exception {
		return served.call(call.method(), path, token, call.contentType(), call.body());
	}

	private static void assertStatus(int expected, Call call, String path, String token, String what) throws Exception {
		HttpResponse<String> response = send(call, path, token);
		assertEquals(expected, response.statusCode(), call.operation() + " " + path + " with " + what + ": "
				+ response.body());
		assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
				call.operation() + ": errors are problem+json");
		assertFalse(response.body().contains("\tat ") || response.body().contains("Exception:"),
				"never a stack trace: " + response.body());
	}
}
