package io.syncline.ui.internal.widgets;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** Column widths a table starts with: at least what its title needs in the table's font, whatever the theme. */
public final class TableColumns {

	/** The header's padding and the sort arrow's room, beyond the title's text. */
	private static final int TITLE_PADDING = 24;

	private TableColumns() {
	}

	/** Widens each column whose title would be cut; a user's later widths are theirs. */
	public static void fitTitles(Table table) {
		GC gc = new GC(table);
		try {
			gc.setFont(table.getFont());
			for (TableColumn column : table.getColumns()) {
				int needs = gc.textExtent(column.getText()).x + TITLE_PADDING;
				if (column.getWidth() < needs) {
					column.setWidth(needs);
				}
			}
		} finally {
			gc.dispose();
		}
	}
}
