package io.syncline.ui.mapping.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.ITableFontProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeColumn;

import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.DataType;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.widgets.TableColumns;

/**
 * One of the editor's two trees over {@link SchemaNode}s, with a find field above it (typing reveals and selects
 * the first node whose name or title holds the text; Enter finds the next). Mapped nodes are in bold; repeating
 * ones carry {@code []}. Items are made as their parents are expanded, so a schema of thousands of nodes opens
 * with only its top rows.
 */
final class SchemaTreePane {

	private final Composite composite;
	private final TreeViewer viewer;
	private final Text find;
	private final boolean source;
	private Set<SchemaNode> mapped = Set.of();

	SchemaTreePane(Composite parent, String title, boolean source) {
		this.source = source;
		composite = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(2, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		composite.setLayout(layout);
		Label heading = new Label(composite, SWT.NONE);
		heading.setText(title);
		heading.setFont(JFaceResources.getBannerFont());
		find = AccessibleNames.named(new Text(composite, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL),
				"Find in the " + title.toLowerCase(Locale.ROOT));
		find.setMessage("Find…");
		find.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		viewer = new TreeViewer(composite, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		viewer.setUseHashlookup(true);
		viewer.setComparer(new IElementComparer() {
			@Override
			public boolean equals(Object a, Object b) {
				return a == b;
			}

			@Override
			public int hashCode(Object element) {
				return System.identityHashCode(element);
			}
		});
		viewer.getTree().setHeaderVisible(true);
		viewer.getTree().setLinesVisible(false);
		AccessibleNames.named(viewer.getTree(), title);
		viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		column(source ? "Name" : "Feature", 190);
		column("Type", source ? 70 : 90);
		column(source ? "Sample" : "Required", source ? 90 : 60);
		TableColumns.fitTitles(viewer.getTree());
		viewer.setContentProvider(new Content());
		viewer.setLabelProvider(new Labels());
		find.addListener(SWT.Modify, event -> findNext(false));
		find.addListener(SWT.DefaultSelection, event -> findNext(true));
	}

	private void column(String name, int width) {
		TreeColumn column = new TreeColumn(viewer.getTree(), SWT.LEFT);
		column.setText(name);
		column.setWidth(width);
		column.setResizable(true);
	}

	Composite control() {
		return composite;
	}

	TreeViewer viewer() {
		return viewer;
	}

	Text findField() {
		return find;
	}

	void setRoot(SchemaNode root) {
		mapped = Set.of();
		viewer.setInput(root);
		if (root != null && root.getChildren().size() <= 12) {
			viewer.expandToLevel(2);
		}
	}

	SchemaNode root() {
		return (SchemaNode) viewer.getInput();
	}

	/** Marks the mapped nodes, updating only the rows whose mark changed. */
	void setMapped(Set<SchemaNode> nodes) {
		java.util.List<Object> changed = new ArrayList<>();
		for (SchemaNode node : mapped) {
			if (!nodes.contains(node)) {
				changed.add(node);
			}
		}
		for (SchemaNode node : nodes) {
			if (!mapped.contains(node)) {
				changed.add(node);
			}
		}
		mapped = nodes;
		if (!changed.isEmpty()) {
			viewer.update(changed.toArray(), null);
		}
	}

	/** The selected nodes, in the order they were selected. */
	List<SchemaNode> selected() {
		List<SchemaNode> nodes = new ArrayList<>();
		for (Object element : viewer.getStructuredSelection().toList()) {
			nodes.add((SchemaNode) element);
		}
		return nodes;
	}

	void select(List<SchemaNode> nodes) {
		viewer.setSelection(new StructuredSelection(nodes), true);
	}

	/** Reveals and selects the next node (after the selected one when {@code next}) whose name holds the text. */
	void findNext(boolean next) {
		String wanted = find.getText().trim().toLowerCase(Locale.ROOT);
		SchemaNode root = root();
		if (wanted.isEmpty() || root == null) {
			return;
		}
		List<SchemaNode> all = new ArrayList<>();
		flatten(root, all);
		List<SchemaNode> selection = selected();
		int from = next && !selection.isEmpty() ? all.indexOf(selection.get(0)) + 1 : 0;
		for (int i = 0; i < all.size(); i++) {
			SchemaNode node = all.get((from + i) % all.size());
			if (text(node).toLowerCase(Locale.ROOT).contains(wanted)) {
				viewer.setSelection(new StructuredSelection(node), true);
				return;
			}
		}
	}

	private static void flatten(SchemaNode node, List<SchemaNode> into) {
		for (SchemaNode child : node.getChildren()) {
			into.add(child);
			flatten(child, into);
		}
	}

	/** A node's name as the tree shows it. */
	String text(SchemaNode node) {
		String name = source ? SchemaTrees.label(node) : node.getName();
		return node.isRepeating() ? name + " []" : name;
	}

	private static final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return input instanceof SchemaNode root ? root.getChildren().toArray() : new Object[0];
		}

		@Override
		public Object[] getChildren(Object parent) {
			return ((SchemaNode) parent).getChildren().toArray();
		}

		@Override
		public Object getParent(Object element) {
			return SchemaTrees.parent((SchemaNode) element);
		}

		@Override
		public boolean hasChildren(Object element) {
			return !((SchemaNode) element).getChildren().isEmpty();
		}
	}

	private final class Labels extends ColumnTexts implements ITableFontProvider {
		@Override
		public String getColumnText(Object element, int column) {
			SchemaNode node = (SchemaNode) element;
			return switch (column) {
			case 0 -> text(node);
			case 1 -> source ? type(node) : node.getTitle() == null ? "" : node.getTitle();
			default -> source ? (node.getSample() == null ? "" : node.getSample()) : node.isRequired() ? "required" : "";
			};
		}

		private String type(SchemaNode node) {
			if (node.getType() == null || node.getType() == DataType.GROUP) {
				return node.isRepeating() ? "repeats" : "group";
			}
			String type = node.getType().getLiteral().toLowerCase(Locale.ROOT);
			return node.getChildren().isEmpty() ? type : "group, " + type;
		}

		@Override
		public Font getFont(Object element, int column) {
			return column == 0 && mapped.contains(element) ? JFaceResources.getFontRegistry().getBold(
					JFaceResources.DEFAULT_FONT) : null;
		}
	}
}
