package io.syncline.cli.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.local.LocalRuntime;

/**
 * The one local runtime every service of {@code serve} works on (inbox, retries, SLA checks, the HTTP API), so an
 * event one of them causes reaches the subscribers of all: opened by the first service that starts, closed when
 * the last one stops.
 */
@Component(service = ServedRuntime.class)
public final class ServedRuntime {

	private LocalRuntime runtime;
	private int users;

	synchronized LocalRuntime acquire(CommandContext context) throws IOException {
		if (runtime == null) {
			runtime = Runtimes.runtime(context, null);
			runtime.workers().startWatching();
		}
		users++;
		return runtime;
	}

	/** The served runtime in each of its tenants: retries, resumes and SLA checks are every tenant's. */
	synchronized java.util.List<LocalRuntime> everyTenant() {
		return runtime.tenants().stream().map(t -> runtime.forTenant(t.tenantId())).toList();
	}

	synchronized void release() {
		if (users > 0 && --users == 0) {
			runtime.close();
			runtime = null;
		}
	}
}
