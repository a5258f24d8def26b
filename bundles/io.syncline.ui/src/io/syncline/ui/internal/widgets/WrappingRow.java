package io.syncline.ui.internal.widgets;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;

/**
 * A row of buttons or filters in a grid that wraps onto a second line when its view is narrow, instead of widening
 * the view's column past its edge and cutting what does not fit.
 */
public final class WrappingRow {

	private WrappingRow() {
	}

	/** A row that takes the grid's width and asks for the height its controls need at that width. */
	public static Composite in(Composite grid) {
		return laidOut(new Composite(grid, SWT.NONE), 0);
	}

	/**
	 * Lays out a composite of a grid (a filter bar, say) as a wrapping row with {@code margin} around it. The grid
	 * never widens for it: it asks for almost no width, and then for its height at the width it got.
	 */
	public static Composite laidOut(Composite row, int margin) {
		RowLayout layout = new RowLayout(SWT.HORIZONTAL);
		layout.wrap = true;
		layout.center = true;
		layout.marginLeft = margin;
		layout.marginRight = margin;
		layout.marginTop = margin + 2;
		layout.marginBottom = 2;
		row.setLayout(layout);
		GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(row);
		return row;
	}
}
