package io.syncline.ui.internal.monitor;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.internal.widgets.TableColumns;

/**
 * The trace of one business key: its document chain in order (850 → 997 → 855 → 856 → 810), each document's stages
 * with timings and the mapping version used; the selected document's raw payload beside what the chain did to the
 * orders, ship notices and invoices it names. Reads run in Jobs against the active runtime.
 */
public final class TracePanel extends Composite {

	static final String[] COLUMNS = { "#", "Received", "Document", "Direction", "Partner", "Flow", "Status",
			"Mapping", "Stages", "Business keys" };
	private static final int[] WIDTHS = { 30, 140, 70, 70, 110, 120, 90, 70, 260, 260 };

	/** More of a payload than this is not put in the text box; the journal keeps it all. */
	static final int SHOWN_BYTES = 1 << 20;

	private final RuntimeSelection selection;
	private final Text key;
	private final Label summary;
	private final Table documents;
	private final Text payload;
	private final Text effects;
	private List<MessageSummary> chain = List.of();
	private long generation;
	/** The message whose payload is shown or being read: a selection event repeated by GTK reads nothing again. */
	private long payloadOf = -1;

	public TracePanel(Composite parent, RuntimeSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(this);
		Composite top = new Composite(this, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(top);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
		new Label(top, SWT.NONE).setText("&Business key:");
		key = AccessibleNames.named(new Text(top, SWT.SINGLE | SWT.BORDER | SWT.SEARCH), "Business key to trace");
		key.setMessage("PO-45001, SO, ASN, invoice, tracking number");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(key);
		key.addListener(SWT.DefaultSelection, e -> open(key.getText()));
		Button go = AccessibleNames.named(new Button(top, SWT.PUSH), "Open the trace");
		go.setText("&Open");
		go.addListener(SWT.Selection, e -> open(key.getText()));
		summary = AccessibleNames.named(new Label(this, SWT.WRAP), "Trace summary");
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).applyTo(summary);
		SashForm split = new SashForm(this, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
		documents = AccessibleNames.named(new Table(split, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER),
				"Documents of the business transaction, in order");
		documents.setHeaderVisible(true);
		documents.setLinesVisible(true);
		for (int i = 0; i < COLUMNS.length; i++) {
			TableColumn column = new TableColumn(documents, SWT.LEFT);
			column.setText(COLUMNS[i]);
			column.setWidth(WIDTHS[i]);
		}
		TableColumns.fit(documents, "trace.documents");
		documents.addListener(SWT.Selection, e -> showPayload());
		SashForm sides = new SashForm(split, SWT.HORIZONTAL);
		payload = pane(sides, "Raw payload");
		effects = pane(sides, "Effects on orders, shipments and invoices");
		split.setWeights(40, 60);
	}

	private static Text pane(Composite parent, String name) {
		Composite box = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(box);
		Label title = new Label(box, SWT.WRAP);
		title.setText(name);
		GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(title); // wraps when narrow
		Text text = AccessibleNames.named(
				new Text(box, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL), name);
		text.setFont(JFaceResources.getTextFont());
		GridDataFactory.fillDefaults().grab(true, true).applyTo(text);
		return text;
	}

	/** Reads and shows the trace of a business key, in a Job. */
	public void open(String businessKey) {
		String wanted = businessKey == null ? "" : businessKey.trim();
		if (!key.getText().equals(wanted)) {
			key.setText(wanted);
		}
		IntegrationRuntime runtime = selection.active().runtime();
		if (wanted.isEmpty() || runtime == null) {
			summary.setText(wanted.isEmpty() ? "Type a business key, such as a PO number, and press Enter."
					: selection.active().message());
			return;
		}
		long mine = ++generation;
		summary.setText("Tracing " + wanted + "…");
		UiJobs.run(this, "Tracing " + wanted, () -> {
			List<MessageSummary> found = runtime.trace(wanted);
			String effectsText = TraceEffects.of(runtime, found);
			io.syncline.runtime.api.RetentionStatus retention = found.isEmpty() ? runtime.status().retention() : null;
			java.time.Instant purgedBefore = retention == null ? null : retention.journalPurgedBefore();
			String said = TraceEffects.summary(wanted, found, purgedBefore);
			return () -> shown(mine, found, said, effectsText);
		}, why -> shown(mine, List.of(), why, ""));
	}

	private void shown(long mine, List<MessageSummary> read, String message, String effectsText) {
		if (mine != generation) {
			return;
		}
		chain = read;
		payloadOf = -1;
		summary.setText(message);
		effects.setText(effectsText);
		payload.setText("");
		documents.removeAll();
		for (int i = 0; i < read.size(); i++) {
			MessageSummary row = read.get(i);
			TableItem item = new TableItem(documents, SWT.NONE);
			item.setText(new String[] { Integer.toString(i + 1), MessageText.time(row.receivedAt()),
					row.documentType(), row.direction(), row.partnerId(), row.flow(), row.status(),
					row.mappingVersion() == null ? "" : "v" + row.mappingVersion(), TraceEffects.stages(row),
					MessageText.keys(row) });
		}
		if (!read.isEmpty()) {
			documents.setSelection(0);
			showPayload();
		}
		layout(true, true);
	}

	private void showPayload() {
		int index = documents.getSelectionIndex();
		IntegrationRuntime runtime = selection.active().runtime();
		if (index < 0 || index >= chain.size() || runtime == null) {
			return;
		}
		MessageSummary row = chain.get(index);
		if (row.id() == payloadOf) {
			return;
		}
		payloadOf = row.id();
		if (row.payloadPurgedAt() != null) {
			payload.setText("The payload of message " + row.id() + " was purged on "
					+ MessageText.date(row.payloadPurgedAt()) + " by the tenant's retention policy (retention.payloads); "
					+ "its journal row and business keys are kept.");
			return;
		}
		long mine = generation;
		payload.setText("Reading message " + row.id() + "…");
		UiJobs.run(this, "Reading message " + row.id(), true, () -> {
			byte[] bytes = runtime.payload(row.id());
			int shown = Math.min(bytes.length, SHOWN_BYTES);
			String read = new String(bytes, 0, shown, StandardCharsets.UTF_8)
					+ (shown < bytes.length ? "\n… (the first " + shown + " of " + bytes.length + " bytes)" : "");
			return () -> showRead(mine, index, read);
		}, why -> showRead(mine, index, why));
	}

	private void showRead(long mine, int index, String read) {
		if (mine == generation && documents.getSelectionIndex() == index) {
			payload.setText(read);
		}
	}

	private void later(Runnable action) {
		UiJobs.later(this, action);
	}

	public Text key() {
		return key;
	}

	public Label summary() {
		return summary;
	}

	public Table documents() {
		return documents;
	}

	public Text payload() {
		return payload;
	}

	public Text effects() {
		return effects;
	}
}
