package io.syncline.ui.internal.connections;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.ui.internal.widgets.TableColumns;

/**
 * The Connections view's content: the local runtime and every remote one, each with what its last test found
 * (state, version, uptime, tenants, journal size, open exceptions, the last error); add, edit, remove, test and
 * use them. Everything that touches the disk, the keyring or the network runs in a Job; results come back with
 * {@code asyncExec}, so a dead or slow runtime shows as such while the window stays responsive.
 */
public final class ConnectionsPanel extends Composite {

	private final RuntimeSelection selection;
	private final Map<String, Probe> probes = new ConcurrentHashMap<>();
	private final TableViewer viewer;
	private final Label active;
	private final Label outcome;
	private final Consumer<RuntimeSelection.Active> onActive = this::activeChanged;

	public ConnectionsPanel(Composite parent, RuntimeSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		GridLayoutFactory.fillDefaults().numColumns(2).margins(6, 6).applyTo(this);
		active = new Label(this, SWT.WRAP);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(active);
		viewer = new TableViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		AccessibleNames.named(table, "Runtime connections");
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		// at 1280x800 every column up to Last purge fits beside the buttons; Last error, for a runtime that is down,
		// is a scroll away (the State column already says Unreachable)
		column("Name", 120, Connection::name);
		column("URL", 150, c -> c.isLocal() ? "in this process" : c.url());
		column("Tenant", 80, c -> probe(c, p -> p.up() ? p.status().tenantId() : c.tenant()));
		column("State", 150, c -> probe(c, Probe::state)); // room for "Up, stuck: inbox"
		column("Version", 115, c -> probe(c, p -> p.up() ? p.status().version() : ""));
		column("Up for", 75, c -> probe(c, Probe::uptime));
		column("Tenants", 65, c -> probe(c, p -> p.up() ? Integer.toString(p.status().tenants()) : ""));
		column("Journal", 70, c -> probe(c, p -> p.up() ? Long.toString(p.status().journalSize()) : ""));
		column("Open exceptions", 110, c -> probe(c, p -> p.up() ? Long.toString(p.status().openExceptions()) : ""));
		column("Last purge", 235, c -> probe(c, Probe::lastPurge));
		column("Last error", 260, c -> probe(c, p -> p.error() == null ? "" : p.error()));
		TableColumns.fit(table, "runtimes");
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		Composite buttons = new Composite(this, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(buttons);
		GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
		button(buttons, "&Add…", this::add);
		button(buttons, "&Edit…", this::edit);
		button(buttons, "&Remove", this::remove);
		button(buttons, "&Test", this::test);
		button(buttons, "U&se", this::use);
		outcome = new Label(this, SWT.WRAP);
		AccessibleNames.named(outcome, "Outcome");
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(outcome);
		table.addListener(SWT.DefaultSelection, e -> use());
		table.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.DEL) {
				remove();
			}
		});
		selection.addListener(onActive);
		addDisposeListener(e -> selection.removeListener(onActive));
		reload();
	}

	private String probe(Connection connection, Function<Probe, String> value) {
		Probe probe = probes.get(connection.id());
		if (probe == null) {
			return "";
		}
		String text = value.apply(probe);
		return text == null ? "" : text;
	}

	private void column(String title, int width, Function<Connection, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Connection) element);
			}
		});
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.addListener(SWT.Selection, e -> action.run());
		GridDataFactory.fillDefaults().applyTo(button);
	}

	public TableViewer viewer() {
		return viewer;
	}

	public Label outcome() {
		return outcome;
	}

	public Label active() {
		return active;
	}

	private Connection selected() {
		Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
		return first instanceof Connection connection ? connection : null;
	}

	private void reload() {
		viewer.setInput(selection.store().all());
	}

	private void add() {
		ConnectionDialog dialog = new ConnectionDialog(getShell(), null);
		if (dialog.open() == ConnectionDialog.OK) {
			inJob("Saving " + dialog.result().name(), () -> {
				Connection saved = selection.store().save(dialog.result(), dialog.token());
				return "Saved " + saved.label() + "; its token is in secure storage.";
			});
		}
	}

	private void edit() {
		Connection connection = selected();
		if (connection == null || connection.isLocal()) {
			say(connection == null ? "Select a connection to edit." : "The local runtime is set in the preferences.");
			return;
		}
		ConnectionDialog dialog = new ConnectionDialog(getShell(), connection);
		if (dialog.open() == ConnectionDialog.OK) {
			inJob("Saving " + connection.name(), () -> {
				selection.store().save(dialog.result(), dialog.token());
				probes.remove(connection.id());
				return "Saved " + dialog.result().label() + ".";
			});
		}
	}

	private void remove() {
		Connection connection = selected();
		if (connection == null || connection.isLocal()) {
			say(connection == null ? "Select a connection to remove." : "The local runtime is always listed.");
			return;
		}
		if (MessageDialog.openConfirm(getShell(), "Remove connection",
				"Remove " + connection.label() + " and its stored token?")) {
			inJob("Removing " + connection.name(), () -> {
				selection.store().remove(connection.id());
				probes.remove(connection.id());
				return "Removed " + connection.label() + ".";
			});
		}
	}

	/** Tests the selected connection, or every one if none is selected. */
	public void test() {
		Connection chosen = selected();
		List<Connection> connections = chosen != null ? List.of(chosen) : selection.store().all();
		say("Testing " + (chosen != null ? chosen.label() : "every connection") + "…");
		inJob("Testing runtime connections", () -> {
			StringBuilder said = new StringBuilder();
			for (Connection connection : connections) {
				Probe probe = connection.isLocal() ? localProbe(connection)
						: Probe.remote(connection, selection.store().token(connection.id()));
				probes.put(connection.id(), probe);
				said.append(said.length() == 0 ? "" : "; ").append(connection.name()).append(": ")
						.append(probe.up() ? "up, version " + probe.status().version() : probe.error());
			}
			return said.toString();
		});
	}

	private Probe localProbe(Connection connection) {
		IntegrationRuntime runtime = selection.localRuntime();
		return runtime == null
				? new Probe(connection, false, null, List.of(), "the local runtime is not running", java.time.Instant.now())
				: Probe.of(connection, runtime);
	}

	private void use() {
		Connection connection = selected();
		if (connection == null) {
			say("Select a connection to use.");
			return;
		}
		selection.use(connection, connection.tenant());
	}

	@FunctionalInterface
	private interface Work {
		String run() throws Exception;
	}

	/** Runs work in a Job and shows its outcome (or why it failed, in one line) on the UI thread. */
	private void inJob(String name, Work work) {
		Job job = Job.create(name, monitor -> {
			String said;
			try {
				said = work.run();
			} catch (Exception e) {
				said = name + " failed: " + RuntimeFailure.reasonOf(e);
			}
			String text = said;
			if (!isDisposed()) {
				getDisplay().asyncExec(() -> {
					if (!isDisposed()) {
						reload();
						say(text);
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.schedule();
	}

	private void say(String text) {
		outcome.setText(text);
		layout(true, true);
	}

	private void activeChanged(RuntimeSelection.Active now) {
		if (isDisposed()) {
			return;
		}
		getDisplay().asyncExec(() -> {
			if (!isDisposed()) {
				active.setText("Active: " + now.message());
				layout(true, true);
			}
		});
	}
}
