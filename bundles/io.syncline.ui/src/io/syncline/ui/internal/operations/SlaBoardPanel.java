package io.syncline.ui.internal.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.SlaClock;
import io.syncline.runtime.api.SlaQuery;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.internal.monitor.MessageText;
import io.syncline.ui.internal.widgets.TableColumns;

/**
 * The SLA board: clocks on document pairs (an 850 waiting for its 855 …) by partner and pair, in view: open, due
 * soon, breached or met, with how late; read again when SLA events arrive. A breach opens its exception, any
 * clock the trace of its business key.
 */
public final class SlaBoardPanel extends Composite {

	static final int MOST_CLOCKS = 2_000;
	private static final String[] VIEWS = { "Open", "Due soon", "Breached", "Met", "All" };
	private static final SlaQuery.View[] VIEW_OF = { SlaQuery.View.OPEN, SlaQuery.View.DUE_SOON,
			SlaQuery.View.BREACHED, SlaQuery.View.MET, null };

	private final RuntimeSelection selection;
	private final Consumer<String> openTrace;
	private final LongConsumer openException;
	private final Combo view;
	private final Label summary;
	private final Table clocks;
	private final Color breached;
	private final Color dueSoon;
	private List<SlaClock> rows = List.of();
	private long generation;
	private volatile boolean stale;
	private final Consumer<RuntimeSelection.Active> onActive = active -> UiJobs.later(this, this::reload);
	private final Consumer<RuntimeEvent> onEvent = event -> {
		if (event.type().name().startsWith("SLA_")) {
			stale = true;
		}
	};

	public SlaBoardPanel(Composite parent, RuntimeSelection selection, Consumer<String> openTrace,
			LongConsumer openException) {
		super(parent, SWT.NONE);
		this.selection = selection;
		this.openTrace = openTrace;
		this.openException = openException;
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(this);
		Composite bar = new Composite(this, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(4).margins(4, 4).applyTo(bar);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		view = AccessibleNames.named(new Combo(bar, SWT.READ_ONLY), "Which clocks");
		for (String each : VIEWS) {
			view.add(each);
		}
		view.select(2);
		view.addListener(SWT.Selection, e -> reload());
		button(bar, "Open &exception", "Open the exception of the selected breach", this::exceptionOfSelected);
		button(bar, "Open &trace", "Open the trace of the selected clock's business key", this::traceOfSelected);
		summary = AccessibleNames.named(new Label(bar, SWT.WRAP), "Clocks by partner and document pair");
		GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(summary);
		clocks = AccessibleNames.named(new Table(this, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER), "SLA clocks");
		clocks.setHeaderVisible(true);
		clocks.setLinesVisible(true);
		for (String[] column : new String[][] { { "Partner", "100" }, { "Pair", "90" }, { "Business key", "150" },
				{ "State", "120" }, { "Started", "140" }, { "Due", "140" }, { "Stopped", "140" }, { "Late by", "80" },
				{ "Rule", "200" }, { "Exception", "80" } }) {
			TableColumn each = new TableColumn(clocks, SWT.LEFT);
			each.setText(column[0]);
			each.setWidth(Integer.parseInt(column[1]));
		}
		TableColumns.fit(clocks, "sla");
		GridDataFactory.fillDefaults().grab(true, true).applyTo(clocks);
		clocks.addListener(SWT.DefaultSelection, e -> {
			SlaClock clock = selected();
			if (clock != null && clock.exceptionId() != null) {
				openException.accept(clock.exceptionId());
			} else {
				traceOfSelected();
			}
		});
		breached = new Color(getDisplay(), 253, 226, 226);
		dueSoon = new Color(getDisplay(), 255, 236, 200);
		addListener(SWT.Dispose, e -> {
			breached.dispose();
			dueSoon.dispose();
			selection.removeListener(onActive);
			selection.events().removeListener(onEvent);
		});
		selection.addListener(onActive);
		selection.events().addListener(onEvent);
		getDisplay().timerExec(1_000, this::refreshIfStale);
	}

	private void button(Composite parent, String text, String name, Runnable action) {
		Button button = AccessibleNames.named(new Button(parent, SWT.PUSH), name);
		button.setText(text);
		button.addListener(SWT.Selection, e -> action.run());
	}

	private void refreshIfStale() {
		if (isDisposed()) {
			return;
		}
		if (stale) {
			stale = false;
			reload();
		}
		getDisplay().timerExec(1_000, this::refreshIfStale);
	}

	public void reload() {
		IntegrationRuntime runtime = selection.active().runtime();
		long mine = ++generation;
		if (runtime == null) {
			summary.setText(selection.active().message());
			return;
		}
		SlaQuery.View chosen = VIEW_OF[Math.max(0, view.getSelectionIndex())];
		UiJobs.run(this, "Reading the SLA clocks", () -> {
			List<SlaClock> read = new ArrayList<>();
			SlaQuery query = new SlaQuery(chosen, null, null, 0, 500);
			Page<SlaClock> page;
			do {
				page = runtime.slaClocks(query);
				read.addAll(page.items());
				query = query.after(page.nextAfter());
			} while (page.hasNext() && read.size() < MOST_CLOCKS);
			return () -> {
				if (mine == generation) {
					show(read);
				}
			};
		}, summary::setText);
	}

	private void show(List<SlaClock> read) {
		rows = read;
		clocks.removeAll();
		Map<String, Long> byPair = new TreeMap<>();
		for (SlaClock clock : read) {
			byPair.merge(clock.partnerId() + " " + pair(clock), 1L, Long::sum);
			TableItem item = new TableItem(clocks, SWT.NONE);
			item.setText(new String[] { clock.partnerId(), pair(clock), clock.businessKey(), state(clock),
					MessageText.time(clock.startedAt()), MessageText.time(clock.dueAt()),
					MessageText.time(clock.stoppedAt()), clock.lateSeconds() == null ? ""
							: MessageText.duration(Duration.ofSeconds(clock.lateSeconds())),
					clock.rule(), clock.exceptionId() == null ? "" : "#" + clock.exceptionId() });
			item.setData(clock);
			if ("BREACHED".equals(clock.state()) || "MET_LATE".equals(clock.state())) {
				item.setBackground(breached);
			} else if (clock.dueSoon()) {
				item.setBackground(dueSoon);
			}
		}
		summary.setText(read.isEmpty() ? "No clocks in view." : read.size() + " clock(s): " + byPair.entrySet()
				.stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · ")));
		layout(true, true);
	}

	private static String pair(SlaClock clock) {
		return clock.documentType() + " → " + clock.replyType();
	}

	/** The state in words: a colour alone says nothing to a screen reader. */
	private static String state(SlaClock clock) {
		return switch (clock.state()) {
		case "OPEN" -> clock.dueSoon() ? "Open, due soon" : "Open";
		case "BREACHED" -> "Breached";
		case "MET_LATE" -> "Met late";
		case "MET" -> "Met";
		default -> clock.state();
		};
	}

	private SlaClock selected() {
		int index = clocks.getSelectionIndex();
		return index < 0 || index >= rows.size() ? null : rows.get(index);
	}

	private void exceptionOfSelected() {
		SlaClock clock = selected();
		if (clock == null || clock.exceptionId() == null) {
			summary.setText(clock == null ? "Select a clock first." : "This clock has no exception: it is not breached.");
			return;
		}
		openException.accept(clock.exceptionId());
	}

	private void traceOfSelected() {
		SlaClock clock = selected();
		if (clock != null && clock.businessKey() != null) {
			openTrace.accept(clock.businessKey());
		}
	}

	public Table clocks() {
		return clocks;
	}

	public Combo view() {
		return view;
	}

	public Label summary() {
		return summary;
	}
}
