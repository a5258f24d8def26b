package io.syncline.ui.internal.monitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.syncline.runtime.api.MessageSummary;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.widgets.TableColumns;

/**
 * The monitor's rows in a virtual SWT table: only rows scrolled into view are ever filled, and one row past the
 * last read asks for the next page when it comes into view, so scrolling never waits on a count of the journal.
 * A native table, unlike a canvas-drawn grid, is read cell by cell by screen readers (GTK's ATK).
 */
final class MonitorTable {

	static final String[] COLUMNS = { "Time", "Tenant", "Partner", "Flow", "Document", "Business keys", "Status",
			"Latency", "Via" };
	private static final int[] WIDTHS = { 150, 70, 80, 120, 80, 300, 90, 80, 80 };
	/**
	 * Shown with status and latency before the business keys, the widest column, so at a laptop's width what a row
	 * says about its message is on screen and only the keys run past the edge; the tenant, the same on every row
	 * (the window's switcher names it), comes last (indexes stay in {@link #COLUMNS}).
	 */
	private static final int[] SHOWN_ORDER = { 0, 2, 8, 3, 4, 6, 7, 5, 1 };

	/**
	 * A view of rows repainted at once is one burst of 10–15 ms of the UI thread, and a machine whose cores the
	 * runtime keeps busy stretches a burst to three times that in the run queue; a third of the view a frame keeps
	 * every burst short, so a click or a key waits for one band at most.
	 */
	private static final int BANDS = 3;
	private static final int FRAME_MILLIS = 17;

	private final Table table;
	private final Runnable wantMore;
	private final Color failed;
	private final Color breach;
	private JournalFeed.Snapshot shown = new JournalFeed.Snapshot(List.of(), false, 0, true);
	private Set<String> breachedKeys = Set.of();
	private String tenant = "";
	private long repaint;

	MonitorTable(Composite parent, Runnable wantMore) {
		this.wantMore = wantMore;
		table = AccessibleNames.named(new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER),
				"Transactions, newest first");
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (int i = 0; i < COLUMNS.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(COLUMNS[i]);
			column.setWidth(WIDTHS[i]);
		}
		table.setColumnOrder(SHOWN_ORDER);
		TableColumns.fit(table, "transactions");
		failed = new Color(table.getDisplay(), 253, 226, 226);
		breach = new Color(table.getDisplay(), 255, 236, 200);
		table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
		table.addListener(SWT.Dispose, e -> {
			failed.dispose();
			breach.dispose();
		});
	}

	Table table() {
		return table;
	}

	/** Shows a new read: rows that came in on top do not move the rows the user is looking at or has selected. */
	void show(JournalFeed.Snapshot next, String tenantId, Set<String> breached) {
		List<Long> selected = selectedIds();
		int top = table.getTopIndex();
		shown = next;
		tenant = tenantId == null ? "" : tenantId;
		breachedKeys = Set.copyOf(breached);
		table.setItemCount(next.rows().size() + (next.hasMore() ? 1 : 0));
		int shownTop = top;
		if (!next.reset() && top > 0 && next.addedOnTop() > 0) {
			// GTK may scroll only when it next lays the rows out, so the top is not read back
			shownTop = top + next.addedOnTop();
			table.setTopIndex(shownTop);
		}
		reselect(selected, next);
		clearInBands(shownTop);
	}

	/**
	 * Every row filled before now is stale. Those in view are cleared a band a frame, from the top; those out of
	 * view after them, in a frame of their own (cleared with a band, they make GTK repaint the whole view). A newer
	 * show takes over from an older one still under way.
	 */
	private void clearInBands(int shownTop) {
		long mine = ++repaint;
		int count = table.getItemCount();
		if (count == 0) {
			return;
		}
		int top = Math.max(0, Math.min(shownTop, count - 1));
		int visible = table.getClientArea().height / Math.max(1, table.getItemHeight()) + 1;
		int end = Math.min(count, top + visible);
		clearStep(mine, top, top, end, Math.max(1, (visible + BANDS - 1) / BANDS));
	}

	/** Clears the band from {@code from} of the view [top, end), or, past its end, every row out of it. */
	private void clearStep(long mine, int from, int top, int end, int band) {
		if (table.isDisposed() || mine != repaint) {
			return;
		}
		int last = table.getItemCount() - 1;
		if (from >= end) {
			clear(0, top - 1, last);
			clear(end, last, last);
			return;
		}
		clear(from, Math.min(end, from + band) - 1, last);
		table.getDisplay().timerExec(FRAME_MILLIS, () -> clearStep(mine, from + band, top, end, band));
	}

	private void clear(int first, int lastOfRange, int last) {
		if (first <= Math.min(lastOfRange, last)) {
			table.clear(first, Math.min(lastOfRange, last));
		}
	}

	private void reselect(List<Long> ids, JournalFeed.Snapshot next) {
		if (ids.isEmpty()) {
			return;
		}
		Set<Long> wanted = new HashSet<>(ids);
		List<Integer> indices = new ArrayList<>();
		List<MessageSummary> rows = next.rows();
		for (int i = 0; i < rows.size() && indices.size() < wanted.size(); i++) {
			if (wanted.contains(rows.get(i).id())) {
				indices.add(i);
			}
		}
		table.setSelection(indices.stream().mapToInt(Integer::intValue).toArray());
	}

	private void fill(TableItem item, int index) {
		List<MessageSummary> rows = shown.rows();
		if (index >= rows.size()) {
			item.setText(0, "Loading older messages…");
			wantMore.run();
			return;
		}
		MessageSummary row = rows.get(index);
		boolean breached = MessageText.breached(row, breachedKeys);
		item.setText(new String[] { MessageText.time(row.receivedAt()), tenant, row.partnerId(), row.flow(),
				row.documentType(), MessageText.keys(row), MessageText.status(row, breached),
				MessageText.latency(row), MessageText.via(row) });
		item.setData(row);
		if ("FAILED".equals(row.status()) || "QUARANTINED".equals(row.status())) {
			item.setBackground(failed);
		} else if (breached) {
			item.setBackground(breach);
		}
	}

	/** The rows selected, as read. */
	List<MessageSummary> selected() {
		List<MessageSummary> rows = shown.rows();
		List<MessageSummary> picked = new ArrayList<>();
		for (int index : table.getSelectionIndices()) {
			if (index < rows.size()) {
				picked.add(rows.get(index));
			}
		}
		return picked;
	}

	private List<Long> selectedIds() {
		return selected().stream().map(MessageSummary::id).toList();
	}

	JournalFeed.Snapshot shown() {
		return shown;
	}
}
