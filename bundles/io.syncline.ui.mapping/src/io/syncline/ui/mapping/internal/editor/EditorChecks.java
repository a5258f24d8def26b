package io.syncline.ui.mapping.internal.editor;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;

import io.syncline.mapping.MappingChecks;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingProblem;
import io.syncline.mapping.model.Mapping;
import io.syncline.ui.internal.connections.UiJobs;

/**
 * Checks the mapping after each edit, off the UI thread on a copy (compiling hundreds of expressions takes longer
 * than a frame), and hands the problems back only if no newer edit came meanwhile.
 */
public final class EditorChecks {

	private static final long PAUSE_MS = 150;

	private final Control owner;
	private final Consumer<List<MappingProblem>> show;
	private final AtomicLong generation = new AtomicLong();
	private volatile long shown;

	EditorChecks(Control owner, Consumer<List<MappingProblem>> show) {
		this.owner = owner;
		this.show = show;
	}

	/** @param sourceRoot the sample's tree (part of the mapping), or null when the tree is only the rules' paths */
	void schedule(Mapping mapping, io.syncline.mapping.model.SchemaNode sourceRoot) {
		long run = generation.incrementAndGet();
		Mapping copy = MappingCopies.withoutTree(mapping);
		Job job = Job.create("Check mapping " + mapping.getName(), monitor -> {
			if (generation.get() != run) {
				return Status.CANCEL_STATUS;
			}
			List<MappingProblem> problems = MappingChecks.check(copy, MappingEnvironment.offline(), sourceRoot);
			UiJobs.later(owner, () -> {
				if (generation.get() == run) {
					shown = run;
					show.accept(problems);
				}
			});
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule(PAUSE_MS);
	}

	/** Whether the problems shown are those of the mapping as it is now. */
	public boolean current() {
		return shown == generation.get();
	}
}
