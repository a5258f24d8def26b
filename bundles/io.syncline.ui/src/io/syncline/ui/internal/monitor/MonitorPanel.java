package io.syncline.ui.internal.monitor;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.SlaClock;
import io.syncline.runtime.api.SlaQuery;
import io.syncline.runtime.api.StreamState;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.LiveText;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;

/**
 * The transaction monitor: the active runtime's journal newest first, filtered, searched by business key, and
 * kept live from its events. Events only mark the view stale; at most twice a second one Job reads what is new,
 * so a burst of traffic costs the UI thread one repaint, not one per event. Pause stops the refreshes and counts
 * what arrives meanwhile. Every read runs in a Job; the UI thread only shows what came back.
 */
public final class MonitorPanel extends Composite {

	static final int REFRESH_MILLIS = 500;

	private final RuntimeSelection selection;
	private final Consumer<String> openTrace;
	private final MonitorFilters filters;
	private final MonitorTable rows;
	private final Button pause;
	private final Label live;
	private final Label outcome;
	private final Consumer<RuntimeSelection.Active> onActive = active -> later(() -> bind(active));
	private final Consumer<RuntimeEvent> onEvent = this::heard;
	private final Consumer<StreamState> onStream = state -> later(this::showLive);
	private final AtomicInteger unread = new AtomicInteger();
	private final Set<String> breachedKeys = ConcurrentHashMap.newKeySet();
	private volatile JournalFeed feed;
	private IntegrationRuntime runtime;
	private long generation;
	private boolean reading;

	/** @param openTrace opens the trace of a business key (the Trace view) */
	public MonitorPanel(Composite parent, RuntimeSelection selection, Consumer<String> openTrace) {
		super(parent, SWT.NONE);
		this.selection = selection;
		this.openTrace = openTrace;
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(this);
		filters = new MonitorFilters(this, this::reload, this::traceSearched);

		rows = new MonitorTable(this, this::readMore);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(rows.table());
		rows.table().addListener(SWT.DefaultSelection, e -> traceSelected());
		Composite bar = new Composite(this, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 2).applyTo(bar);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		pause = AccessibleNames.named(new Button(bar, SWT.TOGGLE), "Pause live updates");
		pause.setText("&Pause");
		pause.addListener(SWT.Selection, e -> pausedOrResumed());
		live = AccessibleNames.named(new Label(bar, SWT.NONE), "Live updates");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(live);
		outcome = AccessibleNames.named(new Label(bar, SWT.NONE), "Monitor status");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(outcome);
		focusSearchOnCtrlF(this);
		selection.addListener(onActive);
		selection.events().addListener(onEvent);
		selection.events().addStateListener(onStream);
		getDisplay().timerExec(REFRESH_MILLIS, this::refreshIfStale);
		addListener(SWT.Dispose, e -> {
			selection.removeListener(onActive);
			selection.events().removeListener(onEvent);
			selection.events().removeStateListener(onStream);
		});
	}

	/** Ctrl+F anywhere in the monitor goes to the search box, as in a browser. */
	private void focusSearchOnCtrlF(Control control) {
		control.addListener(SWT.KeyDown, e -> {
			if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'f' || e.keyCode == 'F')) {
				focusSearch();
				e.doit = false;
			}
		});
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				focusSearchOnCtrlF(child);
			}
		}
	}

	public void focusSearch() {
		filters.search().setFocus();
		filters.search().selectAll();
	}

	private void later(Runnable action) {
		UiJobs.later(this, action);
	}

	private void bind(RuntimeSelection.Active active) {
		runtime = active.runtime();
		breachedKeys.clear();
		if (runtime == null) {
			generation++;
			feed = null;
			reading = false;
			rows.show(new JournalFeed.Snapshot(List.of(), false, 0, true), null, Set.of());
			outcome.setText(active.message());
			showLive();
			return;
		}
		IntegrationRuntime bound = runtime;
		read("Reading the partners of " + bound.tenantId(), true, false, feedNow -> {
			List<PartnerConfig> partners = bound.partners();
			later(() -> filters.offer(partners));
			breachedKeys.addAll(breached(bound));
			return feedNow.first(bound);
		});
	}

	private static List<String> breached(IntegrationRuntime runtime) {
		return runtime.slaClocks(new SlaQuery(SlaQuery.View.BREACHED, null, null, 0, 1_000)).items().stream()
				.map(SlaClock::businessKey).filter(key -> key != null).toList();
	}

	private void reload() {
		read("Reading the journal", true, false, feedNow -> feedNow.first(runtime()));
	}

	private void readMore() {
		read("Reading older messages", false, false, feedNow -> feedNow.more(runtime()));
	}

	private IntegrationRuntime runtime() {
		return runtime;
	}

	/**
	 * Reads in a Job and shows the outcome. A new filter or runtime ({@code restart}) starts a new feed and leaves
	 * any read still running to be ignored; any other read waits its turn (it is asked for again).
	 */
	private void read(String what, boolean restart, boolean quiet, Function<JournalFeed, JournalFeed.Snapshot> how) {
		IntegrationRuntime bound = runtime;
		if (bound == null || (reading && !restart)) {
			return;
		}
		if (restart) {
			generation++;
			feed = new JournalFeed(filters.query());
			unread.set(0);
		}
		long mine = generation;
		JournalFeed reader = feed;
		String tenant = bound.tenantId();
		reading = true;
		if (!quiet) {
			outcome.setText(what + "…");
		}
		UiJobs.run(this, what, quiet, () -> {
			JournalFeed.Snapshot read = how.apply(reader);
			return () -> shown(mine, tenant, read, null);
		}, why -> shown(mine, tenant, null, why));
	}

	private void shown(long mine, String tenant, JournalFeed.Snapshot snapshot, String failure) {
		if (mine != generation) {
			return;
		}
		reading = false;
		if (failure != null) {
			outcome.setText(failure);
			return;
		}
		rows.show(snapshot, tenant, breachedKeys);
		int count = snapshot.rows().size();
		outcome.setText(count == 0 ? "No messages match." : count + (snapshot.hasMore() ? "+" : "") + " messages"
				+ (feed.full() ? ", the newest " + JournalFeed.MOST_ROWS + ": narrow the filter for older ones" : ""));
		outcome.getParent().layout(true);
	}

	private void heard(RuntimeEvent event) {
		JournalFeed now = feed;
		if (now != null) {
			now.heard(event);
		}
		if (event.type() == RuntimeEvent.Type.SLA_BREACHED && event.businessKey() != null) {
			breachedKeys.add(event.businessKey());
		}
		if (unread.getAndIncrement() == 0) {
			later(this::showLive);
		}
	}

	/** Twice a second at most: reads what the events announced, unless paused or a read is under way. */
	private void refreshIfStale() {
		if (isDisposed()) {
			return;
		}
		if (!pause.getSelection() && !reading && unread.get() > 0 && runtime != null) {
			unread.set(0);
			read("Reading new messages", false, true, feedNow -> feedNow.catchUp(runtime()));
		}
		showLive();
		getDisplay().timerExec(REFRESH_MILLIS, this::refreshIfStale);
	}

	private void pausedOrResumed() {
		pause.setText(pause.getSelection() ? "&Resume" : "&Pause");
		AccessibleNames.named(pause, pause.getSelection() ? "Resume live updates" : "Pause live updates");
		showLive();
	}

	private void showLive() {
		String state = LiveText.of(selection.events().state());
		int waiting = unread.get();
		String text = pause.getSelection() ? "Paused · " + waiting + " new events since" : state;
		if (!text.equals(live.getText())) {
			live.setText(text);
			live.getParent().layout(true);
		}
	}

	private void traceSelected() {
		List<MessageSummary> picked = rows.selected();
		if (picked.isEmpty()) {
			return;
		}
		String key = MessageText.traceKey(picked.get(0));
		if (key == null) {
			outcome.setText("Message " + picked.get(0).id() + " has no business key to trace.");
		} else {
			openTrace.accept(key);
		}
	}

	private void traceSearched() {
		String key = filters.searchedKey();
		if (key == null) {
			traceSelected();
		} else {
			openTrace.accept(key);
		}
	}

	public Table table() {
		return rows.table();
	}

	public Text search() {
		return filters.search();
	}

	public Button pause() {
		return pause;
	}

	public Label live() {
		return live;
	}

	public Label outcome() {
		return outcome;
	}

	/** Applies the search box as typed, as Enter in it does. */
	public void search(String key) {
		filters.search().setText(key);
		filters.search().notifyListeners(SWT.DefaultSelection, new Event());
	}

	public boolean reading() {
		return reading;
	}
}
