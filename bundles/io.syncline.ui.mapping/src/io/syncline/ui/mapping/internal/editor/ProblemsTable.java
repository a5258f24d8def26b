package io.syncline.ui.mapping.internal.editor;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TableColumn;

import io.syncline.mapping.MappingProblem;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.widgets.TableColumns;

/** The mapping's problems, errors first; a double-click or Enter goes to the rule. */
final class ProblemsTable {

	private final TableViewer viewer;

	ProblemsTable(Composite parent, Consumer<MappingProblem> open) {
		viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		AccessibleNames.named(viewer.getTable(), "Problems");
		column("Severity", 80);
		column("Rule", 60);
		column("Problem", 900);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setLabelProvider(new Labels());
		TableColumns.fit(viewer.getTable(), "mapping.problems"); // titles whole, and the widths the analyst gave kept
		viewer.addOpenListener(event -> {
			Object chosen = viewer.getStructuredSelection().getFirstElement();
			if (chosen instanceof MappingProblem problem) {
				open.accept(problem);
			}
		});
	}

	private void column(String name, int width) {
		TableColumn column = new TableColumn(viewer.getTable(), SWT.LEFT);
		column.setText(name);
		column.setWidth(width);
	}

	TableViewer viewer() {
		return viewer;
	}

	void setProblems(List<MappingProblem> problems) {
		viewer.setInput(problems.stream()
				.sorted((a, b) -> Boolean.compare(!a.isError(), !b.isError())).toList());
	}

	private static final class Labels extends ColumnTexts {
		@Override
		public String getColumnText(Object element, int column) {
			MappingProblem problem = (MappingProblem) element;
			return switch (column) {
			case 0 -> problem.isError() ? "✖ Error" : "⚠ Warning";
			case 1 -> problem.rulePath().isEmpty() ? "mapping" : problem.rulePath();
			default -> problem.message();
			};
		}
	}
}
