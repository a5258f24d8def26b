package io.syncline.ui.internal.operations;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.syncline.runtime.api.AtpExplanation;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.internal.monitor.MessageText;
import io.syncline.ui.internal.widgets.TableColumns;
import io.syncline.ui.internal.widgets.WrappingRow;

/**
 * "Why did ATP change": for an item at a warehouse, every change of its available-to-promise with its cause (a
 * snapshot, a stock event, an order's allocation, a shipment, a rule), the value before and after, the change and
 * the running total. Enter on a change opens the trace of what caused it.
 */
public final class AtpPanel extends Composite {

	private final RuntimeSelection selection;
	private final Consumer<String> openTrace;
	private final Text item;
	private final Text warehouse;
	private final Label summary;
	private final Table changes;
	private List<AtpExplanation.Change> rows = List.of();
	private long generation;

	public AtpPanel(Composite parent, RuntimeSelection selection, Consumer<String> openTrace) {
		super(parent, SWT.NONE);
		this.selection = selection;
		this.openTrace = openTrace;
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(this);
		Composite bar = WrappingRow.laidOut(new Composite(this, SWT.NONE), 4);
		new Label(bar, SWT.NONE).setText("&Item:");
		item = AccessibleNames.named(new Text(bar, SWT.SINGLE | SWT.BORDER), "Item number");
		item.setMessage("HS-100101");
		item.setLayoutData(new RowData(140, SWT.DEFAULT));
		new Label(bar, SWT.NONE).setText("&Warehouse:");
		warehouse = AccessibleNames.named(new Text(bar, SWT.SINGLE | SWT.BORDER), "Warehouse");
		warehouse.setMessage("ATL");
		warehouse.setLayoutData(new RowData(80, SWT.DEFAULT));
		Button explain = AccessibleNames.named(new Button(bar, SWT.PUSH), "Explain the ATP of the item at the warehouse");
		explain.setText("E&xplain");
		explain.addListener(SWT.Selection, e -> explain());
		item.addListener(SWT.DefaultSelection, e -> explain());
		warehouse.addListener(SWT.DefaultSelection, e -> explain());
		summary = AccessibleNames.named(new Label(this, SWT.WRAP), "ATP now");
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).applyTo(summary);
		changes = AccessibleNames.named(new Table(this, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER),
				"ATP changes, oldest first, with their causes");
		changes.setHeaderVisible(true);
		changes.setLinesVisible(true);
		for (String[] column : new String[][] { { "When", "140" }, { "Cause", "90" }, { "Reference", "150" },
				{ "Before", "80" }, { "After", "80" }, { "Change", "80" }, { "Running total", "100" },
				{ "Detail", "360" } }) {
			TableColumn each = new TableColumn(changes, SWT.LEFT);
			each.setText(column[0]);
			each.setWidth(Integer.parseInt(column[1]));
		}
		TableColumns.fit(changes, "atp.changes");
		GridDataFactory.fillDefaults().grab(true, true).applyTo(changes);
		changes.addListener(SWT.DefaultSelection, e -> traceOfSelected());
	}

	/** Explains the ATP of an item at a warehouse, in a Job. */
	public void explain(String itemNumber, String warehouseCode) {
		item.setText(itemNumber);
		warehouse.setText(warehouseCode);
		explain();
	}

	private void explain() {
		IntegrationRuntime runtime = selection.active().runtime();
		String wantedItem = item.getText().trim();
		String wantedWarehouse = warehouse.getText().trim();
		if (runtime == null || wantedItem.isEmpty() || wantedWarehouse.isEmpty()) {
			summary.setText(runtime == null ? selection.active().message() : "Give an item and a warehouse.");
			return;
		}
		long mine = ++generation;
		summary.setText("Explaining " + wantedItem + " at " + wantedWarehouse + "…");
		UiJobs.run(this, "Explaining the ATP of " + wantedItem, () -> {
			AtpExplanation explanation = runtime.explainAtp(wantedItem, wantedWarehouse);
			return () -> {
				if (mine == generation) {
					show(explanation);
				}
			};
		}, summary::setText);
	}

	private void show(AtpExplanation explanation) {
		rows = explanation.changes();
		changes.removeAll();
		for (AtpExplanation.Change change : rows) {
			BigDecimal delta = change.before() == null || change.after() == null ? null
					: change.after().subtract(change.before());
			new TableItem(changes, SWT.NONE).setText(new String[] { MessageText.time(change.at()), change.cause(),
					change.reference() == null ? "" : change.reference(), plain(change.before()), plain(change.after()),
					delta == null ? "" : (delta.signum() > 0 ? "+" : "") + plain(delta), plain(change.after()),
					change.detail() == null ? "" : change.detail() });
		}
		summary.setText("ATP of " + explanation.itemNumber() + " at " + explanation.warehouse() + ": "
				+ plain(explanation.atp()) + ", after " + rows.size() + " change(s)"
				+ (rows.isEmpty() ? "." : "; Enter on a change opens the trace of its cause."));
		layout(true, true);
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	private void traceOfSelected() {
		int index = changes.getSelectionIndex();
		if (index >= 0 && index < rows.size() && rows.get(index).reference() != null) {
			openTrace.accept(rows.get(index).reference());
		}
	}

	public Table changes() {
		return changes;
	}

	public Label summary() {
		return summary;
	}
}
