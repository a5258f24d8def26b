package io.syncline.ui.internal.connections;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.api.Tenant;
import io.syncline.runtime.client.RemoteRuntime;

/**
 * The runtime and tenant the console works against, chosen once (the toolbar, the Connections view) and followed
 * by every view: switching connects in a Job, never on the UI thread, and listeners hear the outcome on that Job's
 * thread. The choice is remembered across restarts.
 */
public final class RuntimeSelection implements AutoCloseable {

	/** What is active: the connection, the tenant, the runtime (null while connecting or after a failure). */
	public record Active(Connection connection, String tenant, List<Tenant> tenants, IntegrationRuntime runtime,
			String message) {

		public boolean ready() {
			return runtime != null;
		}
	}

	private final ConnectionStore store;
	private final Supplier<IntegrationRuntime> local;
	private final List<Consumer<Active>> listeners = new CopyOnWriteArrayList<>();
	private final LiveEvents events = new LiveEvents();
	private volatile Active active;
	/** Guards the order of changes; {@code chosen} counts the choices made, the latest one wins. */
	private final Object told = new Object();
	private long chosen;
	private RemoteRuntime remote;

	/** @param local the console's local runtime, or null while it is not (yet) running */
	public RuntimeSelection(ConnectionStore store, Supplier<IntegrationRuntime> local) {
		this.store = store;
		this.local = local;
		this.active = new Active(Connection.local(), null, List.of(), null, "Not connected yet.");
	}

	public ConnectionStore store() {
		return store;
	}

	/** The console's local runtime, or null while it is not running. */
	public IntegrationRuntime localRuntime() {
		return local.get();
	}

	public Active active() {
		return active;
	}

	/** The active runtime's live events, one stream for every view. */
	public LiveEvents events() {
		return events;
	}

	/** Tells the listener what is active now, then every change, in the order they happened. */
	public void addListener(Consumer<Active> listener) {
		synchronized (told) {
			listeners.add(listener);
			listener.accept(active);
		}
	}

	public void removeListener(Consumer<Active> listener) {
		listeners.remove(listener);
	}

	/** Comes back to the connection and tenant active when the console last closed. */
	public Job restore() {
		Connection last = store.active();
		return use(last, last.tenant());
	}

	/** Switches to a connection and tenant (null: its own) in a Job; returns the Job, already scheduled. */
	public Job use(Connection connection, String tenant) {
		long choice;
		synchronized (told) {
			choice = ++chosen;
		}
		tell(choice, new Active(connection, tenant, List.of(), null, "Connecting to " + connection.label() + "…"));
		Job job = Job.create("Connecting to " + connection.label(), monitor -> {
			Active opened = open(connection, tenant);
			if (tell(choice, opened)) {
				events.follow(opened.runtime());
			}
			return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
		});
		job.setUser(false);
		job.schedule();
		return job;
	}

	private synchronized Active open(Connection connection, String tenant) {
		events.follow(null);
		if (remote != null) {
			remote.close();
			remote = null;
		}
		try {
			IntegrationRuntime runtime;
			if (connection.isLocal()) {
				runtime = localRuntime();
				if (runtime == null) {
					return new Active(connection, tenant, List.of(), null,
							"The local runtime is not running (see the Runtimes view).");
				}
			} else {
				remote = RemoteRuntime.connect(Probe.settings(connection, store.token(connection.id())));
				runtime = remote;
			}
			if (tenant != null && !tenant.equals(runtime.tenantId())) {
				runtime = runtime.forTenant(tenant);
			}
			List<Tenant> tenants = runtime.tenants();
			store.remember(connection, runtime.tenantId());
			return new Active(connection, runtime.tenantId(), tenants, runtime,
					connection.label() + ", tenant " + runtime.tenantId());
		} catch (Exception e) {
			return new Active(connection, tenant, List.of(), null,
					connection.label() + " cannot be used: " + RuntimeFailure.reasonOf(e));
		}
	}

	/**
	 * Makes {@code next} active and tells the listeners, unless a later choice was made meanwhile: a connection that
	 * opens after the user chose another must not win, nor reach a view after the newer choice's "Connecting…".
	 * Under one lock, so every listener hears the changes in the order they were made.
	 */
	private boolean tell(long choice, Active next) {
		synchronized (told) {
			if (choice != chosen) {
				return false;
			}
			active = next;
			for (Consumer<Active> listener : listeners) {
				listener.accept(next);
			}
			return true;
		}
	}

	@Override
	public synchronized void close() {
		events.close();
		if (remote != null) {
			remote.close();
			remote = null;
		}
	}
}
