package io.syncline.ui.internal.connections;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;

import io.syncline.runtime.api.RuntimeFailure;

/**
 * A runtime call off the UI thread: it runs in a Job (shown in the progress view, cancellable there), and what it
 * returns runs on the UI thread if the control still exists; a failure reaches {@code failed} as one readable
 * sentence, never a stack trace.
 */
public final class UiJobs {

	private UiJobs() {
	}

	public static Job run(Control owner, String what, Callable<Runnable> call, Consumer<String> failed) {
		return run(owner, what, false, call, failed);
	}

	/** As {@link #run(Control, String, Callable, Consumer)}; a {@code quiet} one is a system Job, not in the progress view. */
	public static Job run(Control owner, String what, boolean quiet, Callable<Runnable> call, Consumer<String> failed) {
		Job job = Job.create(what, monitor -> {
			Runnable then;
			try {
				then = call.call();
			} catch (Exception e) {
				String why = what + " failed: " + RuntimeFailure.reasonOf(e);
				then = () -> failed.accept(why);
			}
			later(owner, then);
			return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
		});
		job.setSystem(quiet);
		job.schedule();
		return job;
	}

	/** Runs on the UI thread, unless the control is gone by then. */
	public static void later(Control owner, Runnable action) {
		if (!owner.isDisposed()) {
			owner.getDisplay().asyncExec(() -> {
				if (!owner.isDisposed()) {
					action.run();
				}
			});
		}
	}
}
