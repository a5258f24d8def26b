package io.syncline.ui.internal.runtime;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.framework.Bundle;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.local.DemoTenant;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;

/**
 * The runtime the console works against. In local mode it opens the runtime in this process, on the data
 * directory of the preferences, in a Job (never on the UI thread), with the shipped demo mappings published; on a
 * first start with an empty journal it loads the Harbor Supply demo tenant, document by document, with progress
 * and cancel. Listeners hear each change of {@link State} on the Job's thread and move to the UI thread themselves.
 */
public final class ConsoleRuntime implements AutoCloseable {

	public enum State {
		STARTING, READY, FAILED, REMOTE, STOPPED
	}

	/** Where the runtime stands, in words a person can act on. */
	public record Status(State state, String message) {
	}

	private static final String DEMO_BUNDLE = "io.syncline.demo";

	private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
	private volatile Status status = new Status(State.STARTING, "Starting the local runtime…");
	private volatile LocalRuntime runtime;
	private Job start;

	public Status status() {
		return status;
	}

	/** The runtime once {@link State#READY}; null before, and after a failure. */
	public IntegrationRuntime runtime() {
		return runtime;
	}

	/** Adds a listener and tells it the current status at once. */
	public void addListener(Consumer<Status> listener) {
		listeners.add(listener);
		listener.accept(status);
	}

	public void removeListener(Consumer<Status> listener) {
		listeners.remove(listener);
	}

	/** Local mode: opens the runtime on {@code dataDirectory} in a Job. Remote connections come with their view. */
	public void start(boolean local, Path dataDirectory, BigDecimal priceTolerancePercent) {
		if (!local) {
			tell(new Status(State.REMOTE, "Remote runtime selected in the preferences; connect to it in the Runtimes view."));
			return;
		}
		start = Job.create("Starting the local runtime",
				(IJobFunction) monitor -> open(dataDirectory, priceTolerancePercent, monitor));
		start.setSystem(false);
		start.schedule();
	}

	private IStatus open(Path dataDirectory, BigDecimal priceTolerancePercent, IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, "Opening " + dataDirectory, DemoTenant.size() + 1);
		try {
			Path demo = demoContent();
			String privacy = io.syncline.runtime.cli.OwnerOnly.prepare(dataDirectory).map(w -> " Warning: " + w + ".")
					.orElse("");
			LocalRuntime opened = LocalRuntime.open(LocalSettings.harbor(dataDirectory, demo.resolve("mappings"))
					.withPriceTolerance(priceTolerancePercent));
			runtime = opened;
			progress.worked(1);
			List<SubmitResult> loaded = DemoTenant.loadIfEmpty(opened, demo, (partner, file, done, total) -> {
				progress.subTask("Harbor Supply demo: " + file + " (" + (done + 1) + " of " + total + ")");
				progress.worked(1);
				return !progress.isCanceled();
			});
			long messages = opened.journal(JournalQuery.all().pageSize(500)).items().size();
			String demoNote = loaded.isEmpty() ? ""
					: " The Harbor Supply demo tenant was loaded (" + loaded.size() + " documents).";
			tell(new Status(State.READY, "Local runtime on " + dataDirectory + ": " + (messages >= 500 ? "500+" : messages)
					+ " messages in the journal." + demoNote + privacy));
			return progress.isCanceled() ? org.eclipse.core.runtime.Status.CANCEL_STATUS
					: org.eclipse.core.runtime.Status.OK_STATUS;
		} catch (Exception e) {
			tell(new Status(State.FAILED, "The local runtime on " + dataDirectory + " could not start: "
					+ RuntimeFailure.reasonOf(e)));
			// the Runtimes view says why; an error dialog with a stack trace would say less
			return org.eclipse.core.runtime.Status.OK_STATUS;
		}
	}

	/** The demo content bundle's directory (it is installed unpacked). */
	private static Path demoContent() {
		Bundle bundle = Platform.getBundle(DEMO_BUNDLE);
		if (bundle == null) {
			throw new IllegalStateException("the demo content (" + DEMO_BUNDLE + ") is not installed");
		}
		File location = FileLocator.getBundleFileLocation(bundle)
				.orElseThrow(() -> new IllegalStateException(DEMO_BUNDLE + " has no location on disk"));
		if (!location.isDirectory()) {
			throw new IllegalStateException(DEMO_BUNDLE + " is not installed as a directory: " + location);
		}
		return location.toPath();
	}

	private void tell(Status next) {
		status = next;
		for (Consumer<Status> listener : listeners) {
			listener.accept(next);
		}
	}

	/** Cancels a start still running, waits for it, and closes the runtime. */
	@Override
	public void close() {
		if (start != null) {
			start.cancel();
			try {
				start.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		LocalRuntime open = runtime;
		runtime = null;
		if (open != null) {
			open.close();
		}
		tell(new Status(State.STOPPED, "The local runtime is stopped."));
	}
}
