package io.syncline.ui.internal.exceptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.syncline.runtime.api.BulkResult;
import io.syncline.runtime.api.Decision;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.internal.monitor.MessageText;
import io.syncline.ui.internal.widgets.TableColumns;
import io.syncline.ui.internal.widgets.WrappingRow;

/**
 * The exception queue of the active runtime and tenant: filtered, counted by kind, paged as it is scrolled (a
 * virtual table over keyset pages), read again when exception events arrive (at most once a second); the
 * selected exception in the {@link ExceptionEditor}; bulk retry of the selection or of everything filtered, and
 * decisions by filter, each after a dry run grouped by reason.
 */
public final class ExceptionsPanel extends Composite {

	static final int PAGE = 200;
	static final int REFRESH_MILLIS = 1_000;
	private static final String[] COLUMNS = { "Id", "Created", "Kind", "Business key", "Location", "Detail", "State",
			"Attempts", "Assignee" };
	private static final int[] WIDTHS = { 45, 140, 150, 150, 220, 320, 80, 70, 90 }; // Kind: INVOICE_MISMATCH
	private static final Decision[] DECISIONS = { Decision.ACCEPT, Decision.REJECT, Decision.IGNORE, Decision.RESOLVE };

	private final RuntimeSelection selection;
	private final ExceptionFilters filters;
	private final Label counts;
	private final Table table;
	private final Combo decision;
	private final Label outcome;
	private final ExceptionEditor editor;
	private final AtomicBoolean stale = new AtomicBoolean();
	private final Consumer<RuntimeSelection.Active> onActive = active -> later(this::reload);
	private final Consumer<RuntimeEvent> onEvent = event -> {
		if (event.exceptionId() != null) {
			stale.set(true);
		}
	};
	private List<ExceptionSummary> rows = List.of();
	private long nextAfter;
	private long generation;
	private boolean reading;
	/** The outcome line says why there is no queue (no runtime yet), not what an action did. */
	private boolean saysWhyNothing;

	public ExceptionsPanel(Composite parent, RuntimeSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(this);
		filters = new ExceptionFilters(this, this::reload);
		counts = AccessibleNames.named(new Label(this, SWT.WRAP), "Exception counts");
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).applyTo(counts);
		SashForm split = new SashForm(this, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
		Composite left = new Composite(split, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(left);
		table = AccessibleNames.named(new Table(left, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER),
				"Exception queue");
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (int i = 0; i < COLUMNS.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(COLUMNS[i]);
			column.setWidth(WIDTHS[i]);
		}
		TableColumns.fit(table, "exceptions.queue");
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
		table.addListener(SWT.Selection, e -> showSelected());
		table.addListener(SWT.DefaultSelection, e -> openSelected());
		Composite bulk = WrappingRow.in(left);
		button(bulk, "Retry &selected…", "Retry the selected exceptions after a dry run",
				() -> retry(selectedIds()));
		button(bulk, "Retry all &filtered…", "Retry every exception the filters match after a dry run",
				() -> retry(null));
		decision = AccessibleNames.named(new Combo(bulk, SWT.READ_ONLY), "Decision for every filtered exception");
		for (Decision each : DECISIONS) {
			decision.add(each.name().charAt(0) + each.name().substring(1).toLowerCase());
		}
		decision.select(2);
		button(bulk, "&Decide all filtered…", "Decide every exception the filters match after a dry run",
				this::decideFiltered);
		outcome = AccessibleNames.named(new Label(left, SWT.WRAP), "Exceptions status");
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(outcome);
		editor = new ExceptionEditor(split, () -> selection.active().runtime(), this::reload);
		split.setWeights(40, 60);
		selection.addListener(onActive);
		selection.events().addListener(onEvent);
		getDisplay().timerExec(REFRESH_MILLIS, this::refreshIfStale);
		addListener(SWT.Dispose, e -> {
			selection.removeListener(onActive);
			selection.events().removeListener(onEvent);
		});
	}

	private void button(Composite parent, String text, String name, Runnable action) {
		Button button = AccessibleNames.named(new Button(parent, SWT.PUSH), name);
		button.setText(text);
		button.addListener(SWT.Selection, e -> action.run());
	}

	private void later(Runnable action) {
		UiJobs.later(this, action);
	}

	private void refreshIfStale() {
		if (isDisposed()) {
			return;
		}
		if (!reading && stale.getAndSet(false)) {
			reload();
		}
		getDisplay().timerExec(REFRESH_MILLIS, this::refreshIfStale);
	}

	/** Reads the counts and the queue again from the top, as many rows as were shown (at least a page). */
	public void reload() {
		IntegrationRuntime runtime = selection.active().runtime();
		long mine = ++generation;
		if (runtime == null) {
			show(mine, List.of(), 0, Map.of(), null, selection.active().message());
			return;
		}
		ExceptionQuery query = filters.query().pageSize(PAGE);
		ExceptionQuery forCounts = filters.withoutKind();
		int wanted = Math.max(PAGE, Math.min(rows.size(), 10 * PAGE));
		reading = true;
		background("Reading the exception queue", () -> {
			Map<String, Long> byKind = runtime.exceptionCounts(forCounts);
			List<PartnerConfig> partners = runtime.partners();
			List<ExceptionSummary> read = new ArrayList<>();
			ExceptionQuery next = query;
			long after = 0;
			do {
				Page<ExceptionSummary> page = runtime.exceptions(next);
				read.addAll(page.items());
				after = page.nextAfter();
				next = query.after(after);
			} while (after > 0 && read.size() < wanted);
			long more = after;
			return () -> show(mine, read, more, byKind, partners, null);
		}, mine);
	}

	private void readMore() {
		IntegrationRuntime runtime = selection.active().runtime();
		if (reading || nextAfter <= 0 || runtime == null) {
			return;
		}
		long mine = generation;
		ExceptionQuery query = filters.query().pageSize(PAGE).after(nextAfter);
		List<ExceptionSummary> before = rows;
		reading = true;
		background("Reading more exceptions", () -> {
			Page<ExceptionSummary> page = runtime.exceptions(query);
			List<ExceptionSummary> all = new ArrayList<>(before);
			all.addAll(page.items());
			return () -> show(mine, all, page.nextAfter(), null, null, null);
		}, mine);
	}

	private void show(long mine, List<ExceptionSummary> read, long more, Map<String, Long> byKind,
			List<PartnerConfig> partners, String message) {
		if (mine != generation) {
			return;
		}
		reading = false;
		List<Long> selected = selectedIds();
		rows = read;
		nextAfter = more;
		if (byKind != null) {
			filters.offerKinds(byKind);
			long total = byKind.values().stream().mapToLong(Long::longValue).sum();
			counts.setText(total + " exception(s)" + (byKind.isEmpty() ? "" : ": " + byKind.entrySet().stream()
					.map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "))));
		}
		if (partners != null) {
			filters.offerPartners(partners);
		}
		table.setItemCount(read.size() + (more > 0 ? 1 : 0));
		table.clearAll();
		List<Integer> indices = new ArrayList<>();
		for (int i = 0; i < read.size(); i++) {
			if (selected.contains(read.get(i).id())) {
				indices.add(i);
			}
		}
		table.setSelection(indices.stream().mapToInt(Integer::intValue).toArray());
		if (message != null) {
			outcome.setText(message);
			saysWhyNothing = true;
		} else if (saysWhyNothing) {
			outcome.setText("");
			saysWhyNothing = false;
		}
		layout(true, true);
	}

	private void fill(TableItem item, int index) {
		if (index >= rows.size()) {
			item.setText(0, "Loading…");
			readMore();
			return;
		}
		ExceptionSummary row = rows.get(index);
		item.setText(new String[] { Long.toString(row.id()), MessageText.time(row.createdAt()), row.kind(),
				row.businessKey() == null ? "" : row.businessKey(), row.location() == null ? "" : row.location(),
				row.detail(), row.state(), Integer.toString(row.attempts()),
				row.assignee() == null ? "" : row.assignee() });
		item.setData(row);
	}

	private List<Long> selectedIds() {
		List<Long> ids = new ArrayList<>();
		for (int index : table.getSelectionIndices()) {
			if (index < rows.size()) {
				ids.add(rows.get(index).id());
			}
		}
		return ids;
	}

	/** Enter on a row: its detail, and the keyboard in its payload editor. */
	private void openSelected() {
		showSelected();
		editor.payload().setFocus();
	}

	private void showSelected() {
		List<Long> ids = selectedIds();
		if (ids.size() == 1) {
			editor.show(ids.get(0));
		}
	}

	/** Retries the ids (null: everything filtered), after a dry run the person reviews. */
	private void retry(List<Long> ids) {
		IntegrationRuntime runtime = selection.active().runtime();
		if (runtime == null || (ids != null && ids.isEmpty())) {
			outcome.setText(runtime == null ? selection.active().message() : "Select the exceptions to retry first.");
			return;
		}
		ExceptionQuery query = filters.query();
		String scope = ids == null ? "every filtered exception" : ids.size() + " selected exception(s)";
		outcome.setText("Dry run of a retry of " + scope + "…");
		background("Dry run: retry " + scope, () -> {
			BulkResult dry = ids == null ? runtime.retryMatching(query, true) : runtime.retry(ids, true);
			return () -> review("Retry " + scope, "&Retry", dry, () -> background("Retrying " + scope, () -> {
				BulkResult done = ids == null ? runtime.retryMatching(query, false) : runtime.retry(ids, false);
				return () -> finished("Retried", done);
			}, -1));
		}, -1);
	}

	private void decideFiltered() {
		IntegrationRuntime runtime = selection.active().runtime();
		if (runtime == null) {
			outcome.setText(selection.active().message());
			return;
		}
		Decision chosen = DECISIONS[decision.getSelectionIndex()];
		String verb = decision.getText();
		String reason = Prompts.reason(getShell(), verb + " all filtered",
				verb + " every exception the filters match?");
		if (reason == null) {
			return;
		}
		ExceptionQuery query = filters.query();
		outcome.setText("Dry run: " + verb.toLowerCase() + " every filtered exception…");
		background("Dry run: " + verb + " by filter", () -> {
			BulkResult dry = runtime.decideMatching(query, chosen, reason, true);
			return () -> review(verb + " every filtered exception", "&" + verb, dry,
					() -> background(verb + " by filter", () -> {
						BulkResult done = runtime.decideMatching(query, chosen, reason, false);
						return () -> finished(verb, done);
					}, -1));
		}, -1);
	}

	private void review(String title, String action, BulkResult dry, Runnable then) {
		if (dry.items().isEmpty()) {
			outcome.setText("Nothing to do: no open exception matches.");
			return;
		}
		if (new BulkReview(getShell(), title, action, dry).open() == Window.OK) {
			outcome.setText(title + "…");
			then.run();
		} else {
			outcome.setText("Cancelled; nothing changed.");
		}
	}

	private void finished(String verb, BulkResult done) {
		outcome.setText(verb + ": " + BulkReview.groups(done).stream()
				.map(group -> group.count() + " " + group.outcome()).collect(Collectors.joining(", ")) + ".");
		reload();
	}

	/**
	 * A runtime call in a Job; its result runs on the UI thread unless the view moved on ({@code mine} &lt; 0: a
	 * person's action, whose outcome is always shown); failures in words.
	 */
	private void background(String what, java.util.concurrent.Callable<Runnable> call, long mine) {
		UiJobs.run(this, what, () -> {
			Runnable ui = call.call();
			return () -> {
				if (mine < 0 || mine == generation) {
					ui.run();
				}
			};
		}, why -> {
			if (mine < 0 || mine == generation) {
				reading = false;
				outcome.setText(why);
			}
		});
	}

	/** Shows one exception in the editor, whatever the filters (a link from the SLA board). */
	public void showException(long exceptionId) {
		editor.show(exceptionId);
	}

	public Table table() {
		return table;
	}

	public Label counts() {
		return counts;
	}

	public Label outcome() {
		return outcome;
	}

	public ExceptionFilters filters() {
		return filters;
	}

	public ExceptionEditor editor() {
		return editor;
	}

	public Combo decision() {
		return decision;
	}

	public boolean reading() {
		return reading;
	}
}
