package io.syncline.ui.mapping.internal.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingPreview;
import io.syncline.mapping.MappingPreview.PreviewRecord;
import io.syncline.mapping.MappingRunner;
import io.syncline.mapping.model.Direction;
import io.syncline.mapping.model.Mapping;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.mapping.internal.editor.PreviewTree.Row;

/**
 * The live preview: the mapping as it is now, unsaved edits included, run offline on the sample by the local
 * engine. It runs in a Job about 300 ms after the last edit; a newer edit cancels an older run, and a result is
 * shown only while it is the newest (each run has a number, and anything a run posts carries it). The first records
 * show as they come; the counts follow over the whole file.
 */
final class PreviewPane {

	static final int KEEP = 200;
	private static final String HINT = "Select a value to see the rule that made it and the sample value it came from.";
	private static final long DEBOUNCE_MS = 300;

	private final Composite composite;
	private final Label sampleLabel;
	private final Label counts;
	private final Button cancel;
	private final TreeViewer records;
	private final Text details;
	private final AtomicLong generation = new AtomicLong();
	private final List<Row> rows = new ArrayList<>();
	private Path sample;
	private Job running;
	private boolean complete;
	/** When the newest run began, showed its first records and completed (System.nanoTime; 0: not yet). */
	private volatile long began;
	private long firstShown;
	private long completed;

	PreviewPane(Composite parent, Runnable chooseSample) {
		composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(4, false));
		Button choose = AccessibleNames.named(new Button(composite, SWT.PUSH), "Choose the sample file");
		choose.setText("Sample…");
		choose.addListener(SWT.Selection, event -> chooseSample.run());
		sampleLabel = new Label(composite, SWT.NONE);
		sampleLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		counts = AccessibleNames.named(new Label(composite, SWT.NONE), "Preview counts");
		counts.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
		cancel = AccessibleNames.named(new Button(composite, SWT.PUSH), "Cancel the preview");
		cancel.setText("Cancel");
		cancel.setEnabled(false);
		cancel.addListener(SWT.Selection, event -> cancelRun("cancelled"));
		SashForm split = new SashForm(composite, SWT.HORIZONTAL);
		split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
		records = new TreeViewer(split, SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION);
		AccessibleNames.named(records.getTree(), "Preview records");
		records.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return rows.toArray();
			}

			@Override
			public Object[] getChildren(Object parent) {
				return ((Row) parent).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((Row) element).children().isEmpty();
			}
		});
		records.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((Row) element).label();
			}
		});
		records.setInput(rows);
		details = AccessibleNames.named(new Text(split, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.BORDER | SWT.V_SCROLL),
				"Where the selected value came from");
		split.setWeights(60, 40);
		details.setText(HINT);
		records.addSelectionChangedListener(event -> {
			Object chosen = records.getStructuredSelection().getFirstElement();
			details.setText(chosen instanceof Row row ? PreviewTree.details(row) : HINT);
		});
		showSample();
	}

	Composite control() {
		return composite;
	}

	TreeViewer records() {
		return records;
	}

	Text details() {
		return details;
	}

	Label counts() {
		return counts;
	}

	Path sample() {
		return sample;
	}

	/** Whether the rows and counts shown are the complete result of the newest run. */
	boolean complete() {
		return complete;
	}

	/**
	 * The newest complete run's figures, in milliseconds from when it began (after its pause for more edits): its
	 * first records on screen, and all of it done.
	 */
	long[] timings() {
		return new long[] { (firstShown - began) / 1_000_000, (completed - began) / 1_000_000 };
	}

	void setSample(Path file) {
		sample = file;
		showSample();
	}

	private void showSample() {
		sampleLabel.setText(sample == null ? "No sample chosen: choose one to preview the mapping offline"
				: sample.getFileName().toString());
		composite.layout(true);
	}

	/** Runs the mapping as it is now, after a short pause in which a newer edit replaces it. */
	void schedule(Mapping mapping) {
		long run = generation.incrementAndGet();
		complete = false;
		firstShown = 0;
		if (running != null) {
			running.cancel();
		}
		if (sample == null) {
			rows.clear();
			records.refresh();
			counts.setText("");
			composite.layout(true);
			return;
		}
		if (!Files.isReadable(sample)) {
			counts.setText("cannot read " + sample);
			return;
		}
		Mapping copy = MappingCopies.withoutTree(mapping); // the job reads its own copy; edits go on meanwhile
		Path file = sample;
		counts.setText("running…");
		cancel.setEnabled(true);
		composite.layout(true);
		running = new Job("Preview " + mapping.getName() + " on " + file.getFileName()) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				return preview(copy, file, run, monitor);
			}
		};
		running.schedule(DEBOUNCE_MS);
	}

	private IStatus preview(Mapping copy, Path file, long run, IProgressMonitor monitor) {
		if (generation.get() == run) {
			began = System.nanoTime();
		}
		CompiledMapping compiled;
		try {
			compiled = MappingCompiler.compile(copy, MappingEnvironment.offline());
		} catch (MappingCompileException e) {
			post(run, () -> {
				rows.clear();
				records.refresh();
				counts.setText("fix the " + e.located().size() + " error(s) in Problems to preview");
				finish();
			});
			return Status.OK_STATUS;
		}
		List<Row> batch = new ArrayList<>();
		long[] lastPost = { System.nanoTime() };
		boolean[] first = { true };
		MappingPreview.Listener listener = new MappingPreview.Listener() {
			@Override
			public void record(PreviewRecord record) {
				synchronized (batch) {
					batch.add(PreviewTree.of(record));
				}
				// the first record shows at once; the rest in batches, so the UI thread is not flooded
				if (first[0] || System.nanoTime() - lastPost[0] > 100_000_000L) {
					first[0] = false;
					lastPost[0] = System.nanoTime();
					flush(run, batch);
				}
			}

			@Override
			public void counts(MappingRunner.Summary summary, boolean done) {
				flush(run, batch);
				post(run, () -> {
					counts.setText(words(summary) + (done ? "" : " … running"));
					if (done) {
						finish();
					}
				});
			}
		};
		post(run, () -> {
			rows.clear();
			records.refresh();
		});
		try {
			java.util.function.BooleanSupplier stale = () -> monitor.isCanceled() || generation.get() != run;
			MappingRunner.Summary summary = copy.getDirection() == Direction.OUTBOUND
					? MappingPreview.runOutbound(compiled, file, copy.getSource() == null ? null
							: copy.getSource().getRecordPath(), KEEP, stale, listener)
					: MappingPreview.run(compiled, file, KEEP, stale, listener);
			if (summary == null) {
				return Status.CANCEL_STATUS;
			}
		} catch (Exception e) {
			post(run, () -> {
				counts.setText("preview failed: " + io.syncline.runtime.api.RuntimeFailure.reasonOf(e));
				finish();
			});
		}
		return Status.OK_STATUS;
	}

	private void flush(long run, List<Row> batch) {
		List<Row> ready;
		synchronized (batch) {
			ready = new ArrayList<>(batch);
			batch.clear();
		}
		if (!ready.isEmpty()) {
			post(run, () -> {
				if (rows.isEmpty()) {
					firstShown = System.nanoTime();
				}
				rows.addAll(ready);
				records.refresh();
			});
		}
	}

	/** Runs on the UI thread only if the run is still the newest: a stale result is never shown. */
	private void post(long run, Runnable action) {
		UiJobs.later(composite, () -> {
			if (generation.get() == run) {
				action.run();
			}
		});
	}

	private void finish() {
		complete = true;
		completed = System.nanoTime();
		cancel.setEnabled(false);
		composite.layout(true);
	}

	void cancelRun(String why) {
		generation.incrementAndGet();
		if (running != null) {
			running.cancel();
		}
		counts.setText(why);
		cancel.setEnabled(false);
	}

	static String words(MappingRunner.Summary summary) {
		return summary.records() + " records: " + summary.mapped() + " mapped, " + summary.failed() + " failed"
				+ (summary.filtered() > 0 ? ", " + summary.filtered() + " skipped" : "");
	}
}
