package io.syncline.ui.mapping.internal.editor;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.MappingFactory;
import io.syncline.mapping.model.MappingPackage.Literals;
import io.syncline.mapping.model.SourceFormatKind;
import io.syncline.mapping.model.SourceSettings;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.mapping.internal.MappingDocument;

/**
 * How the mapping reads its source (format, delimiter, header, record path, number locale, character set) and its
 * filter, each edit one undoable command.
 */
public final class SourceOptionsPane {

	private final MappingDocument document;
	private final Consumer<Command> execute;
	private final Composite composite;
	private final Combo format;
	private final Text delimiter;
	private final Button header;
	private final Text recordPath;
	private final Text numberLocale;
	private final Text charset;
	private final ExpressionField filter;

	SourceOptionsPane(Composite parent, MappingDocument document, Consumer<Command> execute,
			Supplier<List<String>> sourcePaths, Supplier<List<String>> lookups) {
		this.document = document;
		this.execute = execute;
		composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(4, false));
		label("Format");
		format = AccessibleNames.named(new Combo(composite, SWT.READ_ONLY), "Source format");
		for (SourceFormatKind kind : SourceFormatKind.VALUES) {
			format.add(kind.getName());
		}
		format.addListener(SWT.Selection, event -> set(Literals.SOURCE_SETTINGS__FORMAT,
				SourceFormatKind.get(format.getText())));
		delimiter = text("Delimiter", "CSV delimiter (\\t for tab)", Literals.SOURCE_SETTINGS__DELIMITER);
		label("");
		header = AccessibleNames.named(new Button(composite, SWT.CHECK), "The first CSV row is a header");
		header.setText("First row is a header");
		header.addListener(SWT.Selection, event -> set(Literals.SOURCE_SETTINGS__HEADER, header.getSelection()));
		recordPath = text("Record path", "Record path (XML element, JSON array, X12 loop)",
				Literals.SOURCE_SETTINGS__RECORD_PATH);
		numberLocale = text("Number locale", "Number locale (de-DE reads 32,91)", Literals.SOURCE_SETTINGS__NUMBER_LOCALE);
		charset = text("Character set", "Character set", Literals.SOURCE_SETTINGS__CHARSET);
		label("Filter");
		filter = new ExpressionField(composite, "Filter: records for which it is false are skipped", sourcePaths,
				lookups);
		filter.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		filter.onCommit(value -> {
			String now = value.isBlank() ? null : value;
			Mapping mapping = document.mapping();
			if (now == null ? mapping.getFilter() != null : !now.equals(mapping.getFilter())) {
				execute.accept(SetCommand.create(document.domain(), mapping, Literals.MAPPING__FILTER, now));
			}
		});
	}

	private void label(String text) {
		new Label(composite, SWT.NONE).setText(text);
	}

	private Text text(String label, String name, EAttribute attribute) {
		label(label);
		Text text = AccessibleNames.named(new Text(composite, SWT.BORDER | SWT.SINGLE), name);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Runnable commit = () -> set(attribute, text.getText().isBlank() ? null : text.getText());
		text.addListener(SWT.FocusOut, event -> commit.run());
		text.addListener(SWT.DefaultSelection, event -> commit.run());
		return text;
	}

	Composite control() {
		return composite;
	}

	public Text recordPath() {
		return recordPath;
	}

	public Text numberLocale() {
		return numberLocale;
	}

	public ExpressionField filter() {
		return filter;
	}

	private void set(EAttribute attribute, Object value) {
		if (document.isReadOnly()) {
			return;
		}
		Mapping mapping = document.mapping();
		SourceSettings settings = mapping.getSource();
		if (settings != null) {
			Object was = settings.eGet(attribute);
			if (value == null ? was == null || !settings.eIsSet(attribute) : value.equals(was) && settings.eIsSet(
					attribute)) {
				return;
			}
			execute.accept(SetCommand.create(document.domain(), settings, attribute, value));
			return;
		}
		SourceSettings made = MappingFactory.eINSTANCE.createSourceSettings();
		CompoundCommand change = new CompoundCommand("Set " + attribute.getName());
		change.append(SetCommand.create(document.domain(), mapping, Literals.MAPPING__SOURCE, made));
		change.append(SetCommand.create(document.domain(), made, attribute, value));
		execute.accept(change);
	}

	void refresh() {
		SourceSettings settings = document.mapping().getSource();
		format.setText(settings == null || !settings.eIsSet(Literals.SOURCE_SETTINGS__FORMAT) ? ""
				: settings.getFormat().getName());
		delimiter.setText(settings == null || settings.getDelimiter() == null ? "" : settings.getDelimiter());
		header.setSelection(settings == null || settings.getHeader() == null || settings.getHeader());
		recordPath.setText(settings == null || settings.getRecordPath() == null ? "" : settings.getRecordPath());
		numberLocale.setText(settings == null || settings.getNumberLocale() == null ? "" : settings.getNumberLocale());
		charset.setText(settings == null || settings.getCharset() == null ? "" : settings.getCharset());
		filter.show(document.mapping().getFilter());
		boolean editable = !document.isReadOnly();
		for (org.eclipse.swt.widgets.Control control : new org.eclipse.swt.widgets.Control[] { format, delimiter, header,
				recordPath, numberLocale, charset }) {
			control.setEnabled(editable);
		}
		filter.setEditable(editable);
	}
}
