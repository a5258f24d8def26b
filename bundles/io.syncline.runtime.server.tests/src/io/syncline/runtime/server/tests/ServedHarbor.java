package io.syncline.runtime.server.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.local.AccessTokens;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.store.Store;

/**
 * The Harbor tenant and a second one made from it (Northstar), on H2, served by a real Jetty on a loopback
 * ephemeral port, with a token per role for Harbor and an ADMIN token of Northstar; calls go over real sockets.
 */
final class ServedHarbor implements AutoCloseable {

	final Store store;
	final LocalRuntime runtime;
	final RuntimeServer server;
	final Map<Role, String> harbor = new EnumMap<>(Role.class);
	final String northstarAdmin;
	final String everyTenantAdmin;
	final long harborException;
	final long harborMessage;
	/** A Harbor token for the matrix to revoke. */
	final long harborSpareToken;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ServedHarbor(Path database, ServerSettings settings) throws Exception {
		store = Store.openH2(database);
		runtime = LocalRuntime.over(store,
				LocalSettings.harbor(database.resolve("data"), Path.of(System.getProperty("syncline.demo"), "mappings")));
		runtime.createTenant(new NewTenant("northstar", "Northstar Industrial", "harbor", "ZZ:NORTHSTAR", "test"));
		SubmitResult unknown = runtime.submit("wms", null, "stray.bin", "not a known file".getBytes(StandardCharsets.UTF_8));
		harborMessage = unknown.messageId();
		harborException = runtime.exceptions(io.syncline.runtime.api.ExceptionQuery.open()).items().get(0).id();
		AccessTokens tokens = runtime.accessTokens();
		for (Role role : Role.values()) {
			harbor.put(role, tokens.create("harbor", role.name().toLowerCase(), role, Duration.ofDays(1)).secret());
		}
		northstarAdmin = tokens.create("northstar", "nora", Role.ADMIN, Duration.ofDays(1)).secret();
		harborSpareToken = tokens.create("harbor", "spare", Role.VIEWER, Duration.ofDays(1)).token().id();
		everyTenantAdmin = tokens.create("*", "partner-admin", Role.ADMIN, Duration.ofDays(1)).secret();
		server = RuntimeServer.start(settings, runtime, "test");
	}

	HttpResponse<String> call(String method, String path, String token, String contentType, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return call("GET", path, token, null, null);
	}

	/** Audit rows with this actor and action. */
	int audited(String actor, String action) throws SQLException {
		try (Connection connection = store.connection();
				PreparedStatement query = connection.prepareStatement(
						"SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = ?")) {
			query.setString(1, actor);
			query.setString(2, action);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				int count = row.getInt(1);
				connection.rollback();
				return count;
			}
		}
	}

	@Override
	public void close() {
		server.close();
		runtime.close();
		store.close();
	}
}
