package io.syncline.ui.mapping.internal.editor;

import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;

/** A table's or tree's labels as text per column: the editor's lists show words, not icons. */
abstract class ColumnTexts extends LabelProvider implements ITableLabelProvider {

	@Override
	public final Image getColumnImage(Object element, int column) {
		return null;
	}
}
