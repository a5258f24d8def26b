package io.syncline.ui.mapping.internal.editor;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TableColumn;

import io.syncline.mapping.MappingProblem;
import io.syncline.mapping.model.FieldRule;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.widgets.TableColumns;
import io.syncline.ui.mapping.internal.editor.RuleEnds.End;

/**
 * Every rule as a row (source → target, expression, condition, state): the accessible way to read the mapping,
 * navigable by keyboard. Rules inside a loop are indented under it; an unresolved rule or one with an error says
 * so in its last column.
 */
final class RuleTable {

	private static final Color ERROR = new Color(new RGB(0xc0, 0x1c, 0x28));
	private static final Color WARNING = new Color(new RGB(0x9a, 0x5b, 0x00));

	private final TableViewer viewer;
	private Map<String, List<MappingProblem>> problems = Map.of();

	RuleTable(Composite parent) {
		// virtual: rows are made as they scroll into view, so hundreds of rules open at once
		viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL);
		viewer.setUseHashlookup(true);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		AccessibleNames.named(viewer.getTable(), "Rules");
		column("#", 50);
		column("Source", 230);
		column("Target", 190);
		column("Expression", 280);
		column("Condition", 200);
		column("State", 260);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setLabelProvider(new Labels());
		TableColumns.fit(viewer.getTable(), "mapping.rules"); // titles whole, and the widths the analyst gave kept
	}

	private void column(String name, int width) {
		TableColumn column = new TableColumn(viewer.getTable(), SWT.LEFT);
		column.setText(name);
		column.setWidth(width);
		column.setResizable(true);
	}

	TableViewer viewer() {
		return viewer;
	}

	void setEnds(List<End> ends, Map<String, List<MappingProblem>> byRule) {
		problems = byRule;
		viewer.setInput(ends);
	}

	void setProblems(Map<String, List<MappingProblem>> byRule) {
		problems = byRule;
		viewer.refresh(true);
	}

	End selected() {
		return (End) viewer.getStructuredSelection().getFirstElement();
	}

	void select(End end) {
		viewer.setSelection(end == null ? StructuredSelection.EMPTY : new StructuredSelection(end), true);
	}

	/** What the last column says of a rule: unresolved, its first error or warning, or nothing. */
	String state(End end) {
		if (!end.unresolved().isEmpty()) {
			return "⚠ unresolved: " + String.join(", ", end.unresolved()) + " not in the sample";
		}
		List<MappingProblem> found = problems.getOrDefault(end.path(), List.of());
		if (found.isEmpty()) {
			return "";
		}
		MappingProblem first = found.stream().filter(MappingProblem::isError).findFirst().orElse(found.get(0));
		return (first.isError() ? "✖ " : "⚠ ") + first.message();
	}

	private final class Labels extends ColumnTexts implements ITableColorProvider {
		@Override
		public String getColumnText(Object element, int column) {
			End end = (End) element;
			return switch (column) {
			case 0 -> end.path();
			case 1 -> "  ".repeat(end.depth()) + (end.isLoop() ? "each " : "") + String.join(" + ", end.sourcePaths());
			case 2 -> "  ".repeat(end.depth()) + end.rule().getTarget() + (end.isLoop() ? " []" : "");
			case 3 -> end.rule() instanceof FieldRule field ? expression(field) : "";
			case 4 -> end.rule().getCondition() == null ? "" : end.rule().getCondition();
			default -> state(end);
			};
		}

		private String expression(FieldRule field) {
			String text = field.getExpression() == null ? "" : field.getExpression();
			if (field.getDefaultValue() != null) {
				text += (text.isEmpty() ? "" : "  ") + "default " + field.getDefaultValue();
			}
			return field.isRequired() ? text + (text.isEmpty() ? "" : "  ") + "(required)" : text;
		}

		@Override
		public Color getForeground(Object element, int column) {
			if (column != 5) {
				return null;
			}
			String state = state((End) element);
			return state.startsWith("✖") ? ERROR : state.isEmpty() ? null : WARNING;
		}

		@Override
		public Color getBackground(Object element, int column) {
			return null;
		}
	}

}
