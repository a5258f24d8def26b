package io.syncline.ui.mapping.internal.editor;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.swt.custom.CTabFolder;

import io.syncline.mapping.MappingProblem;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.ui.mapping.internal.editor.RuleEnds.End;

/**
 * Keeps the editor's parts on one rule: a rule selected (in the list, by a click on its line, or from a problem)
 * selects both its ends in the trees, lights its line and shows its properties; a node selected lights its lines.
 */
final class SelectionSync {

	private final SchemaTreePane sourcePane;
	private final SchemaTreePane targetPane;
	private final MappingCanvas canvas;
	private final RuleTable rules;
	private final RuleProperties properties;
	private final CTabFolder tabs;
	private final Consumer<String> say;

	SelectionSync(SchemaTreePane sourcePane, SchemaTreePane targetPane, MappingCanvas canvas, RuleTable rules,
			RuleProperties properties, CTabFolder tabs, Consumer<String> say) {
		this.sourcePane = sourcePane;
		this.targetPane = targetPane;
		this.canvas = canvas;
		this.rules = rules;
		this.properties = properties;
		this.tabs = tabs;
		this.say = say;
		sourcePane.viewer().addSelectionChangedListener(event -> highlight(sourcePane.selected()));
		targetPane.viewer().addSelectionChangedListener(event -> highlight(targetPane.selected()));
		rules.viewer().addSelectionChangedListener(event -> selectEnd(rules.selected(), false));
		canvas.addClickListener(end -> {
			if (end != null) {
				selectEnd(end, true);
			}
		});
	}

	void highlight(List<SchemaNode> nodes) {
		Set<SchemaNode> lit = Collections.newSetFromMap(new IdentityHashMap<>());
		lit.addAll(nodes);
		canvas.setSelection(rules.selected(), lit);
	}

	/** Selects a rule: its row, its properties, both ends in the trees, its line. */
	void selectEnd(End end, boolean fromCanvas) {
		if (fromCanvas) {
			rules.select(end);
			return; // the table's selection event comes back here
		}
		properties.show(end);
		if (end == null) {
			canvas.setSelection(null, Set.of());
			return;
		}
		Set<SchemaNode> lit = Collections.newSetFromMap(new IdentityHashMap<>());
		lit.addAll(end.sources());
		if (end.target() != null) {
			lit.add(end.target());
		}
		sourcePane.select(end.sources());
		targetPane.select(end.target() == null ? List.of() : List.of(end.target()));
		canvas.setSelection(end, lit);
		say.accept(MappingCanvas.describe(end));
	}

	/** Goes to a problem's rule (a double-click in Problems). */
	void reveal(MappingProblem problem, List<End> ends) {
		ends.stream().filter(end -> end.path().equals(problem.rulePath())).findFirst().ifPresent(end -> {
			tabs.setSelection(0);
			rules.select(end);
			rules.viewer().getTable().setFocus();
		});
		say.accept(problem.message());
	}
}
