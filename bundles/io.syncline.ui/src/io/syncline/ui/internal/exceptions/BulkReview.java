package io.syncline.ui.internal.exceptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.syncline.runtime.api.BulkResult;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.widgets.TableColumns;

/**
 * What a bulk action's dry run found, before it is done for real: how many would go through, how many would
 * still fail or be refused, grouped by reason (numbers set aside, so one reason is one row however many rows
 * it has). OK does it; Cancel changes nothing.
 */
public final class BulkReview extends Dialog {

	/** One row: an outcome, a reason, how many. */
	record Group(String outcome, String reason, long count) {
	}

	private final String title;
	private final String action;
	private final BulkResult dryRun;
	private Table groups;

	BulkReview(Shell parent, String title, String action, BulkResult dryRun) {
		super(parent);
		this.title = title;
		this.action = action;
		this.dryRun = dryRun;
	}

	/** The dry run's items grouped by outcome and by reason with its numbers as #, most first. */
	static List<Group> groups(BulkResult result) {
		Map<String, Group> grouped = new LinkedHashMap<>();
		for (BulkResult.Item item : result.items()) {
			String reason = item.detail() == null ? "" : item.detail().replaceAll("\\d+", "#");
			grouped.merge(item.outcome() + "\u0000" + reason, new Group(item.outcome(), reason, 1),
					(a, b) -> new Group(a.outcome(), a.reason(), a.count() + 1));
		}
		return grouped.values().stream().sorted((a, b) -> Long.compare(b.count(), a.count())).toList();
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		long through = dryRun.items().stream().filter(i -> i.outcome().equals("WOULD_APPLY")
				|| i.outcome().equals("WOULD_DECIDE")).count();
		Label summary = new Label(area, SWT.WRAP);
		summary.setText("Dry run of " + dryRun.items().size() + " exception(s): " + through + " would go through, "
				+ (dryRun.items().size() - through) + " would not. Nothing has changed yet.");
		GridDataFactory.fillDefaults().grab(true, false).hint(560, SWT.DEFAULT).applyTo(summary);
		groups = AccessibleNames.named(new Table(area, SWT.BORDER | SWT.FULL_SELECTION), "Dry run, grouped by reason");
		groups.setHeaderVisible(true);
		for (String[] column : new String[][] { { "Outcome", "120" }, { "Reason", "380" }, { "Count", "70" } }) {
			TableColumn each = new TableColumn(groups, SWT.LEFT);
			each.setText(column[0]);
			each.setWidth(Integer.parseInt(column[1]));
		}
		TableColumns.fitTitles(groups);
		for (Group group : groups(dryRun)) {
			new TableItem(groups, SWT.NONE).setText(new String[] { group.outcome(), group.reason(),
					Long.toString(group.count()) });
		}
		GridDataFactory.fillDefaults().grab(true, true).hint(580, 220).applyTo(groups);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, action, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	Table groupsTable() {
		return groups;
	}
}
