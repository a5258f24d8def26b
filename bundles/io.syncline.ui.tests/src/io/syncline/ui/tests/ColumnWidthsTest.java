package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.exceptions.ExceptionsPanel;

/**
 * A table's columns start at least as wide as their titles, and keep the widths a user gives them: the exception
 * queue's Kind column widened (a drag on its header is a resize of the column) is as wide in the next queue opened.
 */
class ColumnWidthsTest {

	@TempDir
	Path dir;

	private HarborConsole console;
	private RuntimeSelection selection;

	@BeforeEach
	void harbor() throws Exception {
		console = HarborConsole.open(dir);
		selection = console.localSelection();
	}

	@AfterEach
	void close() throws Exception {
		console.close();
	}

	@Test
	void aWidthTheUserSetIsKeptForTheNextQueueOpened() throws Exception {
		ExceptionsPanel first = new ExceptionsPanel(console.shell, selection);
		console.show(1200, 700);
		TableColumn kind = column(first.table(), "Kind");
		await(() -> kind.getWidth() > 0, "GTK has laid the table out");
		int wider = kind.getWidth() + 137;
		kind.setWidth(wider);
		await(() -> kind.getWidth() == wider, "the column widened");
		first.dispose();

		ExceptionsPanel next = new ExceptionsPanel(console.shell, selection);
		console.shell.layout(true, true);
		TableColumn kindAgain = column(next.table(), "Kind");
		await(() -> kindAgain.getWidth() == wider, "the width the user gave it: " + kindAgain.getWidth());
	}

	@Test
	void everyColumnIsAtLeastAsWideAsItsTitle() throws Exception {
		ExceptionsPanel panel = new ExceptionsPanel(console.shell, selection);
		console.show(1200, 700);
		await(() -> panel.table().getColumn(0).getWidth() > 0, "GTK has laid the table out");
		GC gc = new GC(panel.table());
		try {
			for (TableColumn column : panel.table().getColumns()) {
				// the title's text and the header's padding, as the console's layout check counts them
				assertTrue(column.getWidth() >= gc.textExtent(column.getText()).x + 12,
						column.getText() + " is " + column.getWidth() + " px");
			}
		} finally {
			gc.dispose();
		}
	}

	private void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
		Widgets.await(console.display, condition, () -> what);
	}

	private static TableColumn column(Table table, String title) {
		for (TableColumn column : table.getColumns()) {
			if (column.getText().equals(title)) {
				return column;
			}
		}
		throw new AssertionError("no column " + title);
	}
}
