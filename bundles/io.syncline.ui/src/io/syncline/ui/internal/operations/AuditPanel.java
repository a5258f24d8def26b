package io.syncline.ui.internal.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.syncline.runtime.api.AuditEntry;
import io.syncline.runtime.api.AuditQuery;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.Page;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.internal.monitor.MessageText;
import io.syncline.ui.internal.widgets.TableColumns;

/**
 * The audit log of the active tenant: who did what, when and why, newest first, filtered by who, what and which
 * subject (or everything under one, such as {@code exception/}); older entries are read as the table is scrolled.
 */
public final class AuditPanel extends Composite {

	static final int PAGE = 200;

	private final RuntimeSelection selection;
	private final Text actor;
	private final Text action;
	private final Text subject;
	private final Label summary;
	private final Table entries;
	private final List<AuditEntry> rows = new ArrayList<>();
	private long nextBefore;
	private long generation;
	private boolean reading;
	private final Consumer<RuntimeSelection.Active> onActive = active -> UiJobs.later(this, this::reload);

	public AuditPanel(Composite parent, RuntimeSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(this);
		Composite bar = new Composite(this, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(6).margins(4, 4).applyTo(bar);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		actor = field(bar, "&Who:", "Who acted", "anyone");
		action = field(bar, "W&hat:", "What was done", "resolved, edit-payload, denied …");
		subject = field(bar, "&Subject:", "Subject, or everything under it ending in /", "exception/ or exception/12");
		summary = AccessibleNames.named(new Label(this, SWT.WRAP), "Audit status");
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).applyTo(summary);
		entries = AccessibleNames.named(new Table(this, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER),
				"Audit log, newest first");
		entries.setHeaderVisible(true);
		entries.setLinesVisible(true);
		for (String[] column : new String[][] { { "When", "140" }, { "Who", "100" }, { "What", "130" },
				{ "Subject", "170" }, { "Why", "260" }, { "Before", "200" }, { "After", "240" } }) {
			TableColumn each = new TableColumn(entries, SWT.LEFT);
			each.setText(column[0]);
			each.setWidth(Integer.parseInt(column[1]));
		}
		TableColumns.fit(entries, "audit");
		GridDataFactory.fillDefaults().grab(true, true).applyTo(entries);
		entries.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
		selection.addListener(onActive);
		addListener(SWT.Dispose, e -> selection.removeListener(onActive));
	}

	private Text field(Composite bar, String label, String name, String hint) {
		new Label(bar, SWT.NONE).setText(label);
		Text text = AccessibleNames.named(new Text(bar, SWT.SINGLE | SWT.BORDER | SWT.SEARCH), name);
		text.setMessage(hint);
		GridDataFactory.fillDefaults().grab(true, false).hint(140, SWT.DEFAULT).applyTo(text);
		text.addListener(SWT.DefaultSelection, e -> reload());
		return text;
	}

	private static String valueOf(Text text) {
		String value = text.getText().trim();
		return value.isEmpty() ? null : value;
	}

	/** Reads the newest page again with the filters as they are. */
	public void reload() {
		rows.clear();
		nextBefore = 0;
		generation++;
		reading = false;
		entries.setItemCount(0);
		read();
	}

	private void read() {
		IntegrationRuntime runtime = selection.active().runtime();
		if (runtime == null || reading) {
			summary.setText(runtime == null ? selection.active().message() : summary.getText());
			return;
		}
		long mine = generation;
		reading = true;
		AuditQuery query = new AuditQuery(valueOf(actor), valueOf(action), valueOf(subject), null, null, nextBefore,
				PAGE);
		UiJobs.run(this, "Reading the audit log", () -> {
			Page<AuditEntry> page = runtime.audit(query);
			return () -> {
				if (mine == generation) {
					shown(page);
				}
			};
		}, why -> {
			reading = false;
			summary.setText(why);
		});
	}

	private void shown(Page<AuditEntry> page) {
		reading = false;
		rows.addAll(page.items());
		nextBefore = page.nextAfter();
		entries.setItemCount(rows.size() + (page.hasNext() ? 1 : 0));
		entries.clearAll();
		summary.setText(rows.isEmpty() ? "No entry matches." : rows.size() + (page.hasNext() ? "+" : "")
				+ " entries, newest first");
	}

	private void fill(TableItem item, int index) {
		if (index >= rows.size()) {
			item.setText(0, "Loading older entries…");
			if (nextBefore > 0) {
				read();
			}
			return;
		}
		AuditEntry entry = rows.get(index);
		item.setText(new String[] { MessageText.time(entry.at()), entry.actor(), entry.action(), entry.subject(),
				text(entry.reason()), text(entry.before()), text(entry.after()) });
		item.setData(entry);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	public Table entries() {
		return entries;
	}

	public Text subject() {
		return subject;
	}

	public Text actor() {
		return actor;
	}

	public Label summary() {
		return summary;
	}
}
