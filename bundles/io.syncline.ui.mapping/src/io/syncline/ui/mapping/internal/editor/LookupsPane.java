package io.syncline.ui.mapping.internal.editor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.syncline.mapping.model.LookupEntry;
import io.syncline.mapping.model.LookupTable;
import io.syncline.mapping.model.MappingFactory;
import io.syncline.mapping.model.MappingPackage.Literals;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.mapping.internal.MappingDocument;

/**
 * The mapping's lookup tables, edited in place: a table's entries are edited in their cells, imported from and
 * exported to CSV (key,value); a key that occurs twice is warned of, since only one of them can be found.
 */
public final class LookupsPane {

	private final MappingDocument document;
	private final Consumer<Command> execute;
	private final Composite composite;
	private final TableViewer tables;
	private final TableViewer entries;
	private final Label warning;

	LookupsPane(Composite parent, MappingDocument document, Consumer<Command> execute) {
		this.document = document;
		this.execute = execute;
		composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(2, false));
		tables = new TableViewer(composite, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		AccessibleNames.named(tables.getTable(), "Lookup tables");
		tables.getTable().setHeaderVisible(true);
		tables.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
		column(tables, "Table", 160, table -> ((LookupTable) table).getName(), Literals.LOOKUP_TABLE__NAME);
		column(tables, "Default", 100, table -> ((LookupTable) table).getDefaultValue(),
				Literals.LOOKUP_TABLE__DEFAULT_VALUE);
		tables.setContentProvider(ArrayContentProvider.getInstance());
		entries = new TableViewer(composite, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		AccessibleNames.named(entries.getTable(), "Lookup entries");
		entries.getTable().setHeaderVisible(true);
		entries.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		column(entries, "Key", 200, entry -> ((LookupEntry) entry).getKey(), Literals.LOOKUP_ENTRY__KEY);
		column(entries, "Value", 260, entry -> ((LookupEntry) entry).getValue(), Literals.LOOKUP_ENTRY__VALUE);
		entries.setContentProvider(ArrayContentProvider.getInstance());
		tables.addSelectionChangedListener(event -> showEntries());
		Composite buttons = new Composite(composite, SWT.NONE);
		buttons.setLayout(new GridLayout(7, false));
		buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		button(buttons, "Add table", this::addTable);
		button(buttons, "Add entry", this::addEntry);
		button(buttons, "Remove", this::removeSelected);
		button(buttons, "Import CSV…", this::chooseImport);
		button(buttons, "Export CSV…", this::chooseExport);
		warning = new Label(buttons, SWT.WRAP);
		warning.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
	}

	private void button(Composite parent, String text, Runnable action) {
		Button button = AccessibleNames.named(new Button(parent, SWT.PUSH), text);
		button.setText(text);
		button.addListener(SWT.Selection, event -> action.run());
	}

	private interface Reader {
		String read(Object element);
	}

	private void column(TableViewer viewer, String name, int width, Reader reader,
			org.eclipse.emf.ecore.EAttribute attribute) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(name);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				String text = reader.read(element);
				return text == null ? "" : text;
			}
		});
		column.setEditingSupport(new EditingSupport(viewer) {
			@Override
			protected CellEditor getCellEditor(Object element) {
				return new TextCellEditor(viewer.getTable());
			}

			@Override
			protected boolean canEdit(Object element) {
				return !document.isReadOnly();
			}

			@Override
			protected Object getValue(Object element) {
				String text = reader.read(element);
				return text == null ? "" : text;
			}

			@Override
			protected void setValue(Object element, Object value) {
				if (!value.equals(getValue(element))) {
					execute.accept(SetCommand.create(document.domain(), element, attribute, value));
				}
			}
		});
	}

	Composite control() {
		return composite;
	}

	public TableViewer tables() {
		return tables;
	}

	public TableViewer entries() {
		return entries;
	}

	public String warning() {
		return warning.getText();
	}

	void refresh() {
		Object chosen = tables.getStructuredSelection().getFirstElement();
		tables.setInput(document.mapping().getLookups().toArray());
		if (chosen == null && !document.mapping().getLookups().isEmpty()) {
			chosen = document.mapping().getLookups().get(0);
		}
		if (chosen != null && document.mapping().getLookups().contains(chosen)) {
			tables.setSelection(new org.eclipse.jface.viewers.StructuredSelection(chosen));
		}
		showEntries();
	}

	private LookupTable selectedTable() {
		return (LookupTable) tables.getStructuredSelection().getFirstElement();
	}

	private void showEntries() {
		LookupTable table = selectedTable();
		entries.setInput(table == null ? new Object[0] : table.getEntries().toArray());
		List<String> duplicates = table == null ? List.of() : duplicates(table);
		warning.setText(duplicates.isEmpty() ? "" : "⚠ " + table.getName() + " has the key "
				+ String.join(", ", duplicates) + " more than once: only the last one is found");
		composite.layout(true, true);
	}

	static List<String> duplicates(LookupTable table) {
		Set<String> seen = new HashSet<>();
		List<String> twice = new ArrayList<>();
		for (LookupEntry entry : table.getEntries()) {
			if (!seen.add(entry.getKey()) && !twice.contains(entry.getKey())) {
				twice.add(entry.getKey());
			}
		}
		return twice;
	}

	public void addTable() {
		LookupTable table = MappingFactory.eINSTANCE.createLookupTable();
		table.setName("table" + (document.mapping().getLookups().size() + 1));
		execute.accept(AddCommand.create(document.domain(), document.mapping(), Literals.MAPPING__LOOKUPS, table));
		tables.setSelection(new org.eclipse.jface.viewers.StructuredSelection(table));
	}

	public void addEntry() {
		LookupTable table = selectedTable();
		if (table != null) {
			LookupEntry entry = MappingFactory.eINSTANCE.createLookupEntry();
			entry.setKey("key" + (table.getEntries().size() + 1));
			execute.accept(AddCommand.create(document.domain(), table, Literals.LOOKUP_TABLE__ENTRIES, entry));
		}
	}

	private void removeSelected() {
		List<?> chosen = entries.getStructuredSelection().toList();
		if (!chosen.isEmpty()) {
			execute.accept(DeleteCommand.create(document.domain(), chosen));
		} else if (selectedTable() != null) {
			execute.accept(DeleteCommand.create(document.domain(), selectedTable()));
		}
	}

	/**
	 * Adds the rows of a CSV file (key,value; a header row key,value is skipped) to the selected table: the file is
	 * read in a Job, the rows added as one undoable change.
	 */
	public void importCsv(Path file) {
		LookupTable table = selectedTable();
		if (table == null) {
			tell("Select a lookup table to import into.");
			return;
		}
		UiJobs.run(composite, "Import " + file.getFileName() + " into " + table.getName(), () -> {
			List<LookupEntry> read = new ArrayList<>();
			try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
				for (CsvRecord row : csv) {
					if (row.getFieldCount() < 1 || row.getStartingLineNumber() == 1
							&& "key".equalsIgnoreCase(row.getField(0).trim())) {
						continue;
					}
					LookupEntry entry = MappingFactory.eINSTANCE.createLookupEntry();
					entry.setKey(row.getField(0));
					entry.setValue(row.getFieldCount() > 1 ? row.getField(1) : "");
					read.add(entry);
				}
			}
			return () -> {
				CompoundCommand add = new CompoundCommand("Import " + read.size() + " entries into " + table.getName());
				add.append(AddCommand.create(document.domain(), table, Literals.LOOKUP_TABLE__ENTRIES, read));
				execute.accept(add);
			};
		}, this::tell);
	}

	/** Writes the selected table as CSV with a key,value header, in a Job. */
	public void exportCsv(Path file) {
		LookupTable table = selectedTable();
		if (table == null) {
			tell("Select a lookup table to export.");
			return;
		}
		List<String[]> rows = new ArrayList<>();
		table.getEntries().forEach(entry -> rows.add(new String[] { entry.getKey(),
				entry.getValue() == null ? "" : entry.getValue() }));
		UiJobs.run(composite, "Export " + table.getName() + " to " + file.getFileName(), () -> {
			try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
				csv.writeRecord("key", "value");
				for (String[] row : rows) {
					csv.writeRecord(row);
				}
			}
			return () -> tell("Exported " + rows.size() + " entries of " + table.getName() + " to " + file);
		}, this::tell);
	}

	private void chooseImport() {
		FileDialog dialog = new FileDialog(composite.getShell(), SWT.OPEN);
		dialog.setFilterExtensions(new String[] { "*.csv", "*" });
		String chosen = dialog.open();
		if (chosen != null) {
			importCsv(Path.of(chosen));
		}
	}

	private void chooseExport() {
		LookupTable table = selectedTable();
		FileDialog dialog = new FileDialog(composite.getShell(), SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFileName((table == null ? "lookup" : table.getName()) + ".csv");
		String chosen = dialog.open();
		if (chosen != null) {
			exportCsv(Path.of(chosen));
		}
	}

	/** Says something below the tables (a duplicate key, a file that could not be read). */
	private void tell(String text) {
		warning.setText(text);
		composite.layout(true, true);
	}
}
