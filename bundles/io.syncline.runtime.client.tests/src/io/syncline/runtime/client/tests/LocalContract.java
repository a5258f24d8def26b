package io.syncline.runtime.client.tests;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.Principal;
import io.syncline.runtime.api.Role;

/** The contract against the runtime in this process, acting as the principal given. */
abstract class LocalContract extends RuntimeContract {

	@Override
	protected IntegrationRuntime connect(String user, Role role, String tenant) {
		return root.as(new Principal(user, role, tenant));
	}
}
