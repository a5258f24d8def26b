package io.syncline.ui.mapping.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.MappingPackage.Literals;
import io.syncline.mapping.model.Rule;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.mapping.internal.editor.RuleEnds.End;

/**
 * The selected rule's properties: its sources, expression and condition (with content assist and syntax marks),
 * default, required and description. Each field hands its value on when it loses focus or on Enter, as one
 * undoable command; a field that did not change gives none.
 */
final class RuleProperties {

	private final Composite composite;
	private final Label heading;
	private final Text sources;
	private final ExpressionField expression;
	private final ExpressionField condition;
	private final Text defaultValue;
	private final Button required;
	private final Text description;
	private final Consumer<Command> execute;
	private Supplier<EditingDomain> domain;
	private Rule rule;
	private boolean editable = true;

	RuleProperties(Composite parent, Supplier<EditingDomain> domain, Consumer<Command> execute,
			Supplier<List<String>> sourcePaths, Supplier<List<String>> lookups) {
		this.domain = domain;
		this.execute = execute;
		composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(2, false));
		heading = new Label(composite, SWT.WRAP);
		heading.setFont(JFaceResources.getBannerFont());
		GridData headingData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		headingData.widthHint = 120; // wraps to the pane's width, however narrow
		heading.setLayoutData(headingData);
		sources = text("Sources", "Source paths, comma-separated");
		label("Expression");
		expression = new ExpressionField(composite, "Expression", sourcePaths, lookups);
		expression.control().setLayoutData(narrow());
		expression.onCommit(value -> set(Literals.FIELD_RULE__EXPRESSION, blankToNull(value)));
		label("Condition");
		condition = new ExpressionField(composite, "Condition", sourcePaths, lookups);
		condition.control().setLayoutData(narrow());
		condition.onCommit(value -> set(Literals.RULE__CONDITION, blankToNull(value)));
		defaultValue = text("Default", "Default value");
		label("");
		required = AccessibleNames.named(new Button(composite, SWT.CHECK), "Required");
		required.setText("Required");
		required.setToolTipText("A record without a value fails, and waits in the exception queue");
		required.addListener(SWT.Selection, event -> set(Literals.FIELD_RULE__REQUIRED, required.getSelection()));
		description = text("Description", "Description");
		sources.addListener(SWT.FocusOut, event -> commitSources());
		sources.addListener(SWT.DefaultSelection, event -> commitSources());
		defaultValue.addListener(SWT.FocusOut, event -> commitText(defaultValue, Literals.FIELD_RULE__DEFAULT_VALUE));
		defaultValue.addListener(SWT.DefaultSelection,
				event -> commitText(defaultValue, Literals.FIELD_RULE__DEFAULT_VALUE));
		description.addListener(SWT.FocusOut, event -> commitText(description, Literals.RULE__DESCRIPTION));
		description.addListener(SWT.DefaultSelection, event -> commitText(description, Literals.RULE__DESCRIPTION));
		showRule(null);
	}

	private Text text(String name, String accessible) {
		label(name);
		Text text = AccessibleNames.named(new Text(composite, SWT.BORDER | SWT.SINGLE), accessible);
		text.setLayoutData(narrow());
		return text;
	}

	/** Fills the pane's width without asking for more: the pane may be narrow beside the trees. */
	private static GridData narrow() {
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.widthHint = 60;
		return data;
	}

	private void label(String name) {
		new Label(composite, SWT.NONE).setText(name);
	}

	Composite control() {
		return composite;
	}

	ExpressionField expression() {
		return expression;
	}

	ExpressionField condition() {
		return condition;
	}

	Text sources() {
		return sources;
	}

	Text defaultValue() {
		return defaultValue;
	}

	Button required() {
		return required;
	}

	Text description() {
		return description;
	}

	void setEditable(boolean value) {
		editable = value;
		showRule(rule);
	}

	/** Shows a rule end's rule (null: none selected). */
	void show(End end) {
		showRule(end == null ? null : end.rule());
	}

	private void showRule(Rule shown) {
		rule = shown;
		boolean field = shown instanceof FieldRule;
		heading.setText(shown == null ? "No rule selected: select a line, a row of the rule list, or link two nodes"
				: (shown instanceof LoopRule ? "Loop → " : "Rule → ") + shown.getTarget());
		sources.setText(shown instanceof FieldRule f ? String.join(", ", f.getSources())
				: shown instanceof LoopRule loop && loop.getSource() != null ? loop.getSource() : "");
		expression.show(field ? ((FieldRule) shown).getExpression() : "");
		condition.show(shown == null ? "" : shown.getCondition());
		defaultValue.setText(field && ((FieldRule) shown).getDefaultValue() != null
				? ((FieldRule) shown).getDefaultValue() : "");
		required.setSelection(field && ((FieldRule) shown).isRequired());
		description.setText(shown == null || shown.getDescription() == null ? "" : shown.getDescription());
		boolean on = shown != null && editable;
		for (Control control : new Control[] { sources, defaultValue, required, description }) {
			control.setEnabled(on && (field || control == sources || control == description));
		}
		expression.setEditable(on && field);
		condition.setEditable(on);
		composite.layout(new org.eclipse.swt.widgets.Control[] { heading }); // the heading's length changes
	}

	private void commitSources() {
		if (rule == null || !editable) {
			return;
		}
		List<String> paths = new ArrayList<>();
		for (String part : sources.getText().split(",")) {
			if (!part.isBlank()) {
				paths.add(part.trim());
			}
		}
		if (rule instanceof LoopRule loop) {
			String path = paths.isEmpty() ? null : paths.get(0);
			if (path != null && !path.equals(loop.getSource())) {
				run(SetCommand.create(domain.get(), loop, Literals.LOOP_RULE__SOURCE, path));
			}
		} else if (rule instanceof FieldRule fieldRule && !paths.equals(fieldRule.getSources())) {
			run(SetCommand.create(domain.get(), fieldRule, Literals.FIELD_RULE__SOURCES, paths));
		}
	}

	private void commitText(Text text, EAttribute attribute) {
		if (rule == null || !editable || !attribute.getEContainingClass().isInstance(rule)) {
			return;
		}
		Object now = blankToNull(text.getText());
		Object was = rule.eGet(attribute);
		if (now == null ? was != null : !now.equals(was)) {
			run(SetCommand.create(domain.get(), rule, attribute, now));
		}
	}

	private void set(EAttribute attribute, Object value) {
		if (rule == null || !editable || !attribute.getEContainingClass().isInstance(rule)) {
			return;
		}
		Object was = rule.eGet(attribute);
		if (value == null ? was != null : !value.equals(was)) {
			run(SetCommand.create(domain.get(), rule, attribute, value));
		}
	}

	private void run(Command command) {
		execute.accept(command);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
