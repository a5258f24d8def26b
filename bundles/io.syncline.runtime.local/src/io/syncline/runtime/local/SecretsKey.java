package io.syncline.runtime.local;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncline.store.Endpoints;
import io.syncline.store.Store;
import io.syncline.transport.SecretBox;

/**
 * The runtime's secrets key at start: read from the environment (or, for tests and embedded use, the system
 * properties {@code syncline.secretsKey} and {@code syncline.secretsKeyFile}), and checked against every secret the
 * store holds, so a missing or wrong key stops the start with one clear line rather than failing a poll later.
 */
final class SecretsKey {

	private SecretsKey() {
	}

	static Map<String, String> environment() {
		Map<String, String> environment = new HashMap<>(System.getenv());
		String key = System.getProperty("syncline.secretsKey");
		String file = System.getProperty("syncline.secretsKeyFile");
		if (key != null) {
			environment.put(SecretBox.KEY_VARIABLE, key);
		}
		if (file != null) {
			environment.put(SecretBox.KEY_FILE_VARIABLE, file);
		}
		return environment;
	}

	/** Whether every sealed secret opens with the key; a clear error if not, or if there is no key for them. */
	static void check(Store store, Optional<SecretBox> key) {
		List<Endpoints.Sealed> sealed;
		try {
			sealed = store.read(connection -> new Endpoints().sealed(connection));
		} catch (SQLException e) {
			throw new io.syncline.runtime.api.RuntimeFailure("cannot read the endpoints' secrets: " + e.getMessage(), e);
		}
		if (sealed.isEmpty()) {
			return;
		}
		if (key.isEmpty()) {
			throw new SecretBox.SecretsKeyException("the store holds the secrets of " + sealed.size() + " endpoint(s) ("
					+ sealed.get(0).tenantId() + "/" + sealed.get(0).endpointId() + "…), but no secrets key is set: set "
					+ SecretBox.KEY_FILE_VARIABLE + " to the key's owner-only file, or " + SecretBox.KEY_VARIABLE);
		}
		for (Endpoints.Sealed one : sealed) {
			key.get().open(one.secrets(), context(one.tenantId(), one.endpointId()));
		}
	}

	/** Where a secret belongs, bound into its sealing. */
	static String context(String tenantId, String endpointId) {
		return tenantId + "/" + endpointId;
	}
}
