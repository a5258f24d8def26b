package io.syncline.runtime.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.api.ShipmentConfirmation;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.runtime.wire.Bodies;
import io.syncline.runtime.wire.Operation;
import io.syncline.runtime.wire.WireJson;

/**
 * The committed OpenAPI 3.1 description and the server agree: every route the server has is described with its
 * method, path and role, every described route exists, the served document is the committed one, and every example
 * request body is read by the server's own strict parser into the body it stands for.
 */
class OpenApiTest {

	@TempDir
	static Path database;

	private static ServedHarbor served;
	private static JsonNode document;

	@BeforeAll
	static void serve() throws Exception {
		served = new ServedHarbor(database, ServerSettings.loopback(0));
		try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi.json")) {
			document = WireJson.mapper().readTree(in);
		}
	}

	@AfterAll
	static void stop() {
		served.close();
	}

	@Test
	void everyRouteIsDescribedAndEveryDescribedRouteExists() {
		assertEquals("3.1.0", document.get("openapi").asText());
		Set<String> described = new HashSet<>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
				Map.Entry<String, JsonNode> method = methods.next();
				Operation operation = Operation.valueOf(method.getValue().get("x-syncline-operation").asText());
				assertEquals(operation.method(), method.getKey().toUpperCase(), operation + " method");
				assertEquals(operation.path(), path.getKey(), operation + " path");
				assertEquals(operation.role() == null ? null : operation.role().name(),
						method.getValue().path("x-syncline-role").asText(null), operation + " role");
				assertEquals(operation.mutating(), method.getValue().get("x-syncline-mutating").asBoolean(),
						operation + " mutating");
				assertEquals(operation.parameterNames().size(), method.getValue().path("parameters").findValues("in")
						.stream().filter(in -> in.asText().equals("path")).count(), operation + " path parameters");
				assertTrue(described.add(operation.name()), operation + " is described once");
			}
		}
		for (Operation operation : Operation.values()) {
			assertTrue(described.contains(operation.name()), operation + " is served but not described");
		}
	}

	@Test
	void theServedDescriptionIsTheCommittedOne() throws Exception {
		HttpResponse<String> served = OpenApiTest.served.get("/openapi.json", OpenApiTest.served.harbor.get(Role.VIEWER));
		assertEquals(200, served.statusCode());
		assertEquals(document, WireJson.mapper().readTree(served.body()));
		assertEquals(401, OpenApiTest.served.get("/openapi.json", null).statusCode(), "only /health is open");
		assertEquals(200, OpenApiTest.served.get("/health", null).statusCode());
	}

	@Test
	void everyExampleRequestIsReadByTheServersParser() throws Exception {
		Map<String, Class<?>> bodies = Map.ofEntries(Map.entry("NewTenant", NewTenant.class),
				Map.entry("EditPayload", Bodies.EditPayload.class), Map.entry("Resubmit", Bodies.Resubmit.class),
				Map.entry("Validate", Bodies.Validate.class), Map.entry("Retry", Bodies.Retry.class),
				Map.entry("RetryMatching", Bodies.RetryMatching.class),
				Map.entry("DecideMatching", Bodies.DecideMatching.class), Map.entry("Decide", Bodies.Decide.class),
				Map.entry("Assign", Bodies.Assign.class),
				Map.entry("ShipmentConfirmation", ShipmentConfirmation.class), Map.entry("SetRule", Bodies.SetRule.class),
				Map.entry("SavePartner", Bodies.SavePartner.class),
				Map.entry("SaveEndpoint", Bodies.SaveEndpoint.class), Map.entry("Reason", Bodies.Reason.class),
				Map.entry("PublishMapping", Bodies.PublishMapping.class),
				Map.entry("CreateToken", Bodies.CreateToken.class), Map.entry("RevokeToken", Bodies.RevokeToken.class));
		int examples = 0;
		for (JsonNode path : document.get("paths")) {
			for (JsonNode operation : path) {
				JsonNode json = operation.path("requestBody").path("content").path("application/json");
				if (json.isMissingNode()) {
					continue;
				}
				String schema = json.get("schema").get("$ref").asText().replace("#/components/schemas/", "");
				assertNotNull(document.get("components").get("schemas").get(schema), schema + " is described");
				Class<?> type = bodies.get(schema);
				assertNotNull(type, schema + " has a body type");
				Object read = WireJson.mapper().treeToValue(json.get("examples").get("example").get("value"), type);
				assertNotNull(read, schema);
				examples++;
			}
		}
		assertEquals(bodies.size(), examples, "every JSON body has an example");
	}
}
