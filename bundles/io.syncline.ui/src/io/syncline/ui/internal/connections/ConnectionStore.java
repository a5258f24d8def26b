package io.syncline.ui.internal.connections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.StorageException;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/**
 * The console's runtime connections: names, URLs and tenants in the workspace preferences, each token in Eclipse
 * secure storage (encrypted with the keyring's key through libsecret where there is one, else with the master
 * password), never in plain text; and which connection and tenant were last active, so a restart comes back there.
 */
public final class ConnectionStore {

	private static final String NAME = "name";
	private static final String URL = "url";
	private static final String TENANT = "tenant";
	private static final String TOKEN = "token";
	private static final String ACTIVE = "active";
	private static final String ACTIVE_TENANT = "activeTenant";

	private final Preferences preferences;
	private final ISecurePreferences secure;

	/** @param preferences where connections are listed; @param secure the node their tokens are kept under */
	public ConnectionStore(Preferences preferences, ISecurePreferences secure) {
		this.preferences = preferences;
		this.secure = secure;
	}

	/** The local runtime first, then the remote ones by name. */
	public List<Connection> all() {
		List<Connection> remote = new ArrayList<>();
		try {
			for (String id : preferences.node("connections").childrenNames()) {
				Preferences node = preferences.node("connections").node(id);
				remote.add(new Connection(id, node.get(NAME, id), node.get(URL, ""), node.get(TENANT, null)));
			}
		} catch (BackingStoreException e) {
			throw new IllegalStateException("the connection list cannot be read: " + e.getMessage(), e);
		}
		remote.sort(Comparator.comparing(Connection::name, String.CASE_INSENSITIVE_ORDER));
		List<Connection> all = new ArrayList<>();
		all.add(Connection.local());
		all.addAll(remote);
		return all;
	}

	/**
	 * Adds (id null) or changes a remote connection; a null token keeps the stored one. Returns it as saved.
	 */
	public Connection save(Connection connection, String token)
			throws StorageException, BackingStoreException, java.io.IOException {
		if (connection.isLocal()) {
			throw new IllegalArgumentException("the local runtime is always listed and cannot be changed here");
		}
		String id = connection.id() == null ? "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
				: connection.id();
		Preferences node = preferences.node("connections").node(id);
		node.put(NAME, connection.name());
		node.put(URL, connection.url());
		if (connection.tenant() == null || connection.tenant().isBlank()) {
			node.remove(TENANT);
		} else {
			node.put(TENANT, connection.tenant());
		}
		if (token != null) {
			secure.node(id).put(TOKEN, token, true);
			secure.flush();
		}
		preferences.flush();
		return new Connection(id, connection.name(), connection.url(),
				connection.tenant() == null || connection.tenant().isBlank() ? null : connection.tenant());
	}

	public void remove(String id) throws BackingStoreException, java.io.IOException {
		preferences.node("connections").node(id).removeNode();
		if (secure.nodeExists(id)) {
			secure.node(id).removeNode();
			secure.flush();
		}
		if (id.equals(preferences.get(ACTIVE, null))) {
			preferences.remove(ACTIVE);
			preferences.remove(ACTIVE_TENANT);
		}
		preferences.flush();
	}

	/** The token of a remote connection, decrypted; null if none is stored. */
	public String token(String id) throws StorageException {
		return secure.nodeExists(id) ? secure.node(id).get(TOKEN, null) : null;
	}

	/** The connection last made active, with the tenant chosen in it; the local runtime if none. */
	public Connection active() {
		String id = preferences.get(ACTIVE, Connection.LOCAL_ID);
		String tenant = preferences.get(ACTIVE_TENANT, null);
		return all().stream().filter(c -> c.id().equals(id)).findFirst().orElse(Connection.local()).withTenant(tenant);
	}

	public void remember(Connection connection, String tenant) throws BackingStoreException {
		preferences.put(ACTIVE, connection.id());
		if (tenant == null) {
			preferences.remove(ACTIVE_TENANT);
		} else {
			preferences.put(ACTIVE_TENANT, tenant);
		}
		preferences.flush();
	}
}
