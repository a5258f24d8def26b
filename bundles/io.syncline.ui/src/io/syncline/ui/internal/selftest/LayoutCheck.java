package io.syncline.ui.internal.selftest;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;

/**
 * What a user cannot read at the window's size: every visible control must lie inside the client area of the
 * composite that holds it (unless that composite scrolls), must not be squeezed to nothing, and its text must fit
 * (a button, label, link, combo or toolbar as wide as it asks to be; a table's column titles as wide as they are).
 * A label that wraps is given the width it has, so it is not held to one line.
 */
public final class LayoutCheck {

	/**
	 * A pixel over the edge hides nothing a user reads; the workbench's own sashes round to it (a stack 339 px high
	 * at y 343 in a page 681 px high).
	 */
	private static final int SLACK = 1;

	/** Pixels a column title needs beyond its text: the header's padding and the sort arrow's gap. */
	private static final int COLUMN_PADDING = 12;

	private LayoutCheck() {
	}

	/** Everything under {@code root} a user cannot read, one sentence each. */
	public static List<String> problems(Control root) {
		List<String> problems = new ArrayList<>();
		GC gc = new GC(root);
		try {
			walk(root, problems, gc);
		} finally {
			gc.dispose();
		}
		return problems;
	}

	private static void walk(Control control, List<String> problems, GC gc) {
		if (!control.isVisible()) {
			return;
		}
		Composite parent = control.getParent();
		if (parent != null && !(parent instanceof ScrolledComposite)) {
			inside(control, parent, problems);
		}
		fits(control, problems, gc);
		if (control instanceof Composite composite && !(control instanceof Table) && !(control instanceof Tree)) {
			for (Control child : composite.getChildren()) {
				walk(child, problems, gc);
			}
		}
	}

	private static void inside(Control control, Composite parent, List<String> problems) {
		Rectangle bounds = control.getBounds();
		// a tab folder's own controls (the view menu, minimize and maximize) sit in its tab row, above its client area
		Rectangle area = parent instanceof CTabFolder ? new Rectangle(0, 0, parent.getSize().x, parent.getSize().y)
				: parent.getClientArea();
		if ((bounds.width <= 0 || bounds.height <= 0) && readable(control)) {
			problems.add(describe(control) + " is squeezed to " + bounds.width + "×" + bounds.height + " px");
		} else if (bounds.width > 0 && bounds.height > 0 && (bounds.x < area.x - SLACK || bounds.y < area.y - SLACK
				|| bounds.x + bounds.width > area.x + area.width + SLACK
				|| bounds.y + bounds.height > area.y + area.height + SLACK)) {
			problems.add(describe(control) + " at " + text(bounds) + " sticks out of its parent's " + text(area));
		}
	}

	/** Controls whose loss a user would notice: those that say or take something. */
	private static boolean readable(Control control) {
		return !textOf(control).isEmpty() || control instanceof Combo || control instanceof Table
				|| control instanceof Tree || control instanceof org.eclipse.swt.widgets.Text;
	}

	private static void fits(Control control, List<String> problems, GC gc) {
		boolean wraps = (control.getStyle() & SWT.WRAP) != 0;
		boolean textual = control instanceof Button && (control.getStyle() & SWT.ARROW) == 0
				|| control instanceof Label && (control.getStyle() & SWT.SEPARATOR) == 0 && !wraps
				|| control instanceof CLabel || control instanceof Link && !wraps || control instanceof Combo
				|| control instanceof ToolBar;
		Point size = control.getSize();
		if (textual && size.x > 0
				&& (!textOf(control).isBlank() || control instanceof Combo || control instanceof ToolBar)) {
			Point wanted = control.computeSize(SWT.DEFAULT, SWT.DEFAULT);
			if (wanted.x > size.x + 1) {
				problems.add(describe(control) + " is " + size.x + " px wide, its text needs " + wanted.x);
			}
		}
		if (control instanceof Table table && table.getHeaderVisible()) {
			for (TableColumn column : table.getColumns()) {
				titleFits(column.getText(), column.getWidth(), control, problems, gc);
			}
		}
		if (control instanceof Tree tree && tree.getHeaderVisible()) {
			for (TreeColumn column : tree.getColumns()) {
				titleFits(column.getText(), column.getWidth(), control, problems, gc);
			}
		}
	}

	private static void titleFits(String title, int width, Control table, List<String> problems, GC gc) {
		gc.setFont(table.getFont());
		int needs = gc.textExtent(title).x + COLUMN_PADDING;
		if (!title.isEmpty() && width < needs) {
			problems.add("column '" + title + "' of " + describe(table) + " is " + width + " px wide, its title needs "
					+ needs);
		}
	}

	private static String textOf(Control control) {
		String text = "";
		if (control instanceof Button button) {
			text = button.getText();
		} else if (control instanceof Label label) {
			text = label.getText();
		} else if (control instanceof CLabel label) {
			text = label.getText();
		} else if (control instanceof Link link) {
			text = link.getText();
		} else if (control instanceof Combo combo) {
			text = combo.getText();
		}
		return text == null ? "" : text;
	}

	/** The control's kind, its text or tooltip, and the view (tab) it is in. */
	static String describe(Control control) {
		String said = textOf(control);
		if (said.isEmpty() && control.getToolTipText() != null) {
			said = control.getToolTipText();
		}
		String kind = control.getClass().getSimpleName();
		String what = said.isEmpty() ? kind : kind + " '" + shorter(said.replace("&", "")) + "'";
		String where = tabOf(control);
		return where == null ? what : what + " in " + where;
	}

	private static String tabOf(Control control) {
		for (Control child = control, up = control.getParent(); up != null; child = up, up = up.getParent()) {
			if (up instanceof CTabFolder folder) {
				for (CTabItem item : folder.getItems()) {
					if (item.getControl() == child) {
						return item.getText();
					}
				}
				CTabItem selected = folder.getSelection();
				return selected == null ? null : selected.getText();
			}
		}
		return null;
	}

	private static String shorter(String text) {
		String line = text.lines().findFirst().orElse("");
		return line.length() > 40 ? line.substring(0, 40) + "…" : line;
	}

	private static String text(Rectangle r) {
		return r.width + "×" + r.height + "+" + r.x + "+" + r.y;
	}
}
