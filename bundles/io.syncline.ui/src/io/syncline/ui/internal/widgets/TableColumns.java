package io.syncline.ui.internal.widgets;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Column widths a table starts with: at least what its title needs in the table's font, whatever the theme; then
 * the widths the user gave its columns last time, which are kept in the workspace's preferences as they change.
 */
public final class TableColumns {

	/** The header's padding and the sort arrow's room, beyond the title's text. */
	private static final int TITLE_PADDING = 24;
	/** Where the widths are kept: one key per table, its widths in column order. */
	static final String NODE = "io.syncline.ui/columns";

	/** Writes the kept widths to disk a moment after the last change, off the UI thread. */
	private static final Job SAVE = Job.create("Saving column widths", monitor -> {
		try {
			InstanceScope.INSTANCE.getNode(NODE).flush();
		} catch (BackingStoreException e) {
			// the widths are a convenience: a workspace that cannot be written loses them, nothing else
		}
		return Status.OK_STATUS;
	});

	static {
		SAVE.setSystem(true);
	}

	private TableColumns() {
	}

	/**
	 * Widens each column whose title would be cut, then gives the columns the widths kept under {@code key}, and
	 * keeps them from now on.
	 */
	public static void fit(Table table, String key) {
		fitTitles(table);
		IEclipsePreferences kept = InstanceScope.INSTANCE.getNode(NODE);
		TableColumn[] columns = table.getColumns();
		int[] widths = parse(kept.get(key, ""));
		if (widths.length == columns.length && Arrays.stream(widths).allMatch(w -> w > 0)) {
			for (int i = 0; i < columns.length; i++) {
				columns[i].setWidth(widths[i]);
			}
		}
		for (TableColumn column : columns) {
			column.addListener(SWT.Resize, e -> {
				// a table being taken down shrinks its columns to nothing: that is no width a user chose
				if (table.isDisposed() || !table.isVisible() || column.getWidth() <= 0) {
					return;
				}
				kept.put(key, Arrays.stream(table.getColumns()).map(c -> Integer.toString(c.getWidth()))
						.collect(Collectors.joining(",")));
				SAVE.schedule(1_000);
			});
		}
	}

	/** Widens each column whose title would be cut. */
	public static void fitTitles(Table table) {
		GC gc = new GC(table);
		try {
			gc.setFont(table.getFont());
			for (TableColumn column : table.getColumns()) {
				column.setWidth(Math.max(column.getWidth(), gc.textExtent(column.getText()).x + TITLE_PADDING));
			}
		} finally {
			gc.dispose();
		}
	}

	/** Widens each column of a tree whose title would be cut. */
	public static void fitTitles(org.eclipse.swt.widgets.Tree tree) {
		GC gc = new GC(tree);
		try {
			gc.setFont(tree.getFont());
			for (org.eclipse.swt.widgets.TreeColumn column : tree.getColumns()) {
				column.setWidth(Math.max(column.getWidth(), gc.textExtent(column.getText()).x + TITLE_PADDING));
			}
		} finally {
			gc.dispose();
		}
	}

	private static int[] parse(String widths) {
		if (widths.isBlank()) {
			return new int[0];
		}
		try {
			return Arrays.stream(widths.split(",")).mapToInt(Integer::parseInt).toArray();
		} catch (NumberFormatException e) {
			return new int[0];
		}
	}
}
