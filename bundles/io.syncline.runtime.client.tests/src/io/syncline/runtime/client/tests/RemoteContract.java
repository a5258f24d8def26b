package io.syncline.runtime.client.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.client.RemoteRuntime;
import io.syncline.runtime.client.RemoteSettings;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;

/**
 * The contract against {@link RemoteRuntime}: the same local runtime served by a real Jetty on a loopback
 * ephemeral port, called over OkHttp with a token of the user and role asked for.
 */
abstract class RemoteContract extends RuntimeContract {

	private RuntimeServer server;
	private final List<IntegrationRuntime> clients = new ArrayList<>();

	@Override
	protected IntegrationRuntime connect(String user, Role role, String tenant) {
		if (server == null) {
			server = RuntimeServer.start(ServerSettings.loopback(0).heartbeatEvery(Duration.ofSeconds(2)), root, "test");
		}
		String token = root.accessTokens().create(tenant == null ? "*" : tenant, user, role, Duration.ofHours(1))
				.secret();
		RemoteRuntime remote = RemoteRuntime.connect(RemoteSettings.of(server.url(), token)
				.inTenant(tenant == null ? "harbor" : tenant));
		clients.add(remote);
		return remote;
	}

	@Override
	protected void disconnect() {
		clients.forEach(IntegrationRuntime::close);
		if (server != null) {
			server.close();
		}
	}
}
