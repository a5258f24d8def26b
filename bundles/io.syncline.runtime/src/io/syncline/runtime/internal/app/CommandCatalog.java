package io.syncline.runtime.internal.app;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.syncline.runtime.cli.RuntimeCommand;

/**
 * The {@link RuntimeCommand} services, seen from the application. The application is created by the extension
 * registry, not by DS, so it tracks the services; at start-up SCR may not have registered them yet, hence the wait
 * for the first one.
 */
final class CommandCatalog implements AutoCloseable {

	private final ServiceTracker<RuntimeCommand, RuntimeCommand> tracker;

	CommandCatalog(BundleContext context) {
		tracker = new ServiceTracker<>(context, RuntimeCommand.class, null);
		tracker.open();
	}

	/** The command called {@code name}, or null; waits at most {@code wait} for SCR to register the first one. */
	RuntimeCommand find(String name, Duration wait) throws InterruptedException {
		return all(wait).get(name);
	}

	Map<String, RuntimeCommand> all(Duration settle) throws InterruptedException {
		if (!settle.isZero()) {
			tracker.waitForService(settle.toMillis());
		}
		Map<String, RuntimeCommand> byName = new TreeMap<>();
		ServiceReference<RuntimeCommand>[] references = tracker.getServiceReferences();
		if (references != null) {
			for (ServiceReference<RuntimeCommand> reference : references) {
				RuntimeCommand command = tracker.getService(reference);
				if (command != null) {
					byName.putIfAbsent(command.name(), command);
				}
			}
		}
		return byName;
	}

	@Override
	public void close() {
		tracker.close();
	}
}
