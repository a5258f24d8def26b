package io.syncline.ui.mapping.internal.editor;

import static io.syncline.ui.mapping.internal.editor.EditorUi.await;
import static io.syncline.ui.mapping.internal.editor.EditorUi.flush;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.mapping.MappingProblem;
import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.ui.mapping.internal.MappingDocument;
import io.syncline.ui.mapping.internal.editor.RuleEnds.End;

/**
 * Every kind of edit in the mapping editor undoes and redoes to the same bytes; the keyboard paths work; problems
 * lead to their rule; expressions are checked and completed as they are typed.
 */
class MappingEditsTest {

	@TempDir
	Path dir;

	private Display display;
	private Shell shell;
	private MappingEditorPane pane;

	@BeforeEach
	void open() throws Exception {
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(1280, 800);
		Path draft = dir.resolve("acme-855-po-ack.synmap");
		Files.copy(EditorUi.demo().resolve("mappings/acme-855-po-ack.synmap"), draft);
		pane = new MappingEditorPane(shell, MappingDocument.open(draft));
		shell.layout(true, true);
		shell.open();
		flush(display);
	}

	@AfterEach
	void close() {
		shell.dispose();
	}

	private SchemaNode source(String path) {
		SchemaNode node = SchemaTrees.resolve(pane.sourceRoot(), path);
		assertNotNull(node, path);
		return node;
	}

	private SchemaNode target(String path) {
		SchemaNode node = SchemaTrees.resolve(pane.targetRoot(), path);
		assertNotNull(node, path);
		return node;
	}

	/** The edit changes the XMI; undo (Ctrl+Z) gives the bytes before; redo (Ctrl+Shift+Z, Ctrl+Y) those after. */
	private void assertUndoable(String what, Runnable edit) throws Exception {
		byte[] before = pane.document().serialize();
		edit.run();
		flush(display);
		byte[] after = pane.document().serialize();
		assertFalse(Arrays.equals(before, after), what + " changed nothing: " + pane.statusText());
		var rules = pane.parts().rules().getTable();
		EditorUi.key(rules, 'z', SWT.MOD1);
		assertArrayEquals(before, pane.document().serialize(), what + " undone");
		EditorUi.key(rules, 'z', SWT.MOD1 | SWT.SHIFT);
		assertArrayEquals(after, pane.document().serialize(), what + " redone with Ctrl+Shift+Z");
		pane.undo();
		EditorUi.key(rules, 'y', SWT.MOD1);
		assertArrayEquals(after, pane.document().serialize(), what + " redone with Ctrl+Y");
	}

	private End end(String target) {
		return pane.ends().stream().filter(end -> target.equals(end.rule().getTarget())).findFirst().orElseThrow();
	}

	private void select(String target) {
		pane.parts().rules().setSelection(new StructuredSelection(end(target)), true);
		flush(display);
	}

	private void commit(Text text, String value) {
		text.setText(value);
		text.notifyListeners(SWT.DefaultSelection, new Event());
	}

	@Test
	void everyKindOfEditUndoesAndRedoes() throws Exception {
		assertUndoable("reading a sample's tree", () -> {
			pane.useSample(EditorUi.demo().resolve("samples/edi/acme-855-po-ack.edi"));
			try {
				await(display, () -> !pane.sourceFromRules(), pane::statusText);
			} catch (InterruptedException e) {
				throw new AssertionError(e);
			}
		});
		assertUndoable("a field rule by drop", () -> pane.link(List.of(source("BAK/BAK09")), target("requestedDate")));
		assertEquals("BAK/BAK09", ((FieldRule) end("requestedDate").rule()).getSources().get(0));
		assertUndoable("a multi-source rule", () -> pane.link(List.of(source("BAK/BAK03"), source("BAK/BAK08")),
				target("departmentNumber")));
		assertEquals("fn:concat(v1, ' ', v2)", ((FieldRule) end("departmentNumber").rule()).getExpression());
		assertUndoable("a rule inside the lines loop", () -> pane.link(List.of(source("PO1_LOOP/PO1/PO106")),
				target("lines/description")));
		End description = end("description");
		assertEquals("6.9", description.path());
		assertEquals(List.of("PO1/PO106"), description.sourcePaths(), "relative to the loop's element");
		assertUndoable("a rule by Ctrl+L", () -> {
			pane.parts().source().setSelection(new StructuredSelection(source("BAK/BAK01")), true);
			pane.parts().target().setSelection(new StructuredSelection(target("currency")), true);
			EditorUi.key(pane.parts().source().getTree(), 'l', SWT.MOD1);
		});
		assertUndoable("a constant", () -> pane.constant(target("shipTo/country"), "US"));
		assertUndoable("deleting a rule", () -> {
			select("acknowledgmentNumber");
			EditorUi.key(pane.parts().rules().getTable(), SWT.DEL, 0);
		});
		assertUndoable("deleting the lines loop", () -> {
			select("lines");
			pane.deleteSelected();
		});
		assertUndoable("a loop made on the way by a drop into the lines", () -> pane.link(
				List.of(source("PO1_LOOP/PO1/PO102")), target("lines/quantity/value")));
		End loop = end("lines");
		assertTrue(loop.rule() instanceof LoopRule made && "PO1_LOOP".equals(made.getSource()), loop.toString());

		RuleProperties properties = pane.parts().properties();
		assertUndoable("an expression typed", () -> {
			select("orderDate");
			properties.expression().viewer().getDocument().set("fn:date(value, 'yyyyMMdd')");
			EditorUi.key(properties.expression().text(), SWT.CR, 0);
		});
		assertUndoable("a condition typed", () -> {
			select("orderDate");
			properties.condition().viewer().getDocument().set("value != null");
			properties.condition().commit();
		});
		assertUndoable("a default", () -> {
			select("poNumber");
			commit(properties.defaultValue(), "PO-UNKNOWN");
		});
		assertUndoable("required", () -> {
			select("orderDate");
			properties.required().setSelection(true);
			properties.required().notifyListeners(SWT.Selection, new Event());
		});
		assertUndoable("a description", () -> {
			select("orderDate");
			commit(properties.description(), "the date the supplier acknowledged");
		});
		assertUndoable("the sources", () -> {
			select("orderDate");
			commit(properties.sources(), "BAK/BAK09");
		});
		LookupsPane lookups = pane.parts().lookups();
		assertUndoable("a lookup table", lookups::addTable);
		assertUndoable("a lookup entry", lookups::addEntry);
		Path csv = dir.resolve("codes.csv");
		Files.writeString(csv, "key,value\nIA,ACCEPTED\nIB,BACKORDERED\nIA,AGAIN\n");
		var imported = (io.syncline.mapping.model.LookupTable) lookups.tables().getStructuredSelection()
				.getFirstElement();
		assertUndoable("a CSV import", () -> {
			int before = imported.getEntries().size();
			lookups.importCsv(csv); // read in a Job, added as one command
			try {
				await(display, () -> imported.getEntries().size() == before + 3, lookups::warning);
			} catch (InterruptedException e) {
				throw new AssertionError(e);
			}
		});
		assertTrue(lookups.warning().contains("IA"), "a key twice is warned of: " + lookups.warning());
		Path exported = dir.resolve("exported.csv");
		lookups.exportCsv(exported);
		await(display, () -> lookups.warning().startsWith("Exported"), lookups::warning);
		List<String> expected = new java.util.ArrayList<>(List.of("key,value"));
		imported.getEntries().forEach(e -> expected.add(e.getKey() + "," + (e.getValue() == null ? "" : e.getValue())));
		assertEquals(expected, Files.readAllLines(exported), "the table as CSV, in its order, with its header");
		assertEquals(List.of("IA,ACCEPTED", "IB,BACKORDERED", "IA,AGAIN"),
				expected.subList(expected.size() - 3, expected.size()), "the imported rows, last");
		SourceOptionsPane options = pane.parts().sourceOptions();
		assertUndoable("a source option", () -> commit(options.numberLocale(), "de-DE"));
		assertUndoable("the filter", () -> {
			options.filter().viewer().getDocument().set("record.get('BAK/BAK02') == 'AC'");
			options.filter().commit();
		});
		assertTrue(pane.document().isDirty());
		while (pane.document().commands().canUndo()) {
			pane.undo();
		}
		assertFalse(pane.document().isDirty(), "undone back to what was opened: clean again");
	}

	@Test
	void anExpressionIsCheckedAndCompletedAsItIsTyped() throws Exception {
		select("orderDate");
		ExpressionField field = pane.parts().properties().expression();
		field.viewer().getDocument().set("fn:date(value, ");
		await(display, () -> field.problem() != null, () -> "a syntax error is marked");
		assertTrue(field.problem().contains("does not parse"), field.problem());
		StyleRange[] marks = field.text().getStyleRanges();
		assertTrue(marks.length == 1 && marks[0].underlineStyle == SWT.UNDERLINE_SQUIGGLE, Arrays.toString(marks));
		field.viewer().getDocument().set("fn:dat(value)");
		await(display, () -> field.problem() != null && field.problem().contains("unknown function fn:dat"),
				() -> "an unknown function is marked: " + field.problem());
		field.viewer().getDocument().set("fn:date(value, 'CCYYMMDD')");
		await(display, () -> field.problem() == null, () -> "a good expression is clean: " + field.problem());

		List<String> offered = field.proposals("fn:pad", 6).stream().map(p -> p.getDisplayString()).toList();
		assertTrue(offered.contains("fn:padLeft(value, width, pad) → text"), offered.toString());
		assertTrue(field.proposals("fn:crossRef('", 13).stream().anyMatch(p -> p.getDisplayString().startsWith(
				"acme-sku")) || pane.document().mapping().getLookups().isEmpty());
		// Ctrl+Space opens the proposals in a popup the analyst picks from
		field.viewer().getDocument().set("fn:up");
		field.text().setFocus();
		field.text().setCaretOffset(5);
		EditorUi.key(field.text(), ' ', SWT.MOD1);
		await(display, () -> proposalTable() != null, () -> "the proposals pop up");
		assertTrue(Arrays.stream(proposalTable().getItems()).map(TableItem::getText).anyMatch(t -> t.startsWith(
				"fn:upper(text)")), Arrays.toString(proposalTable().getItems()));
	}

	private Table proposalTable() {
		for (Shell open : display.getShells()) {
			if (open != shell && open.isVisible()) {
				for (var child : open.getChildren()) {
					if (child instanceof Table table && table.getItemCount() > 0) {
						return table;
					}
				}
			}
		}
		return null;
	}

	@Test
	void aProblemLeadsToItsRule() throws Exception {
		select("orderDate");
		ExpressionField field = pane.parts().properties().expression();
		field.viewer().getDocument().set("fn:nope(value)");
		field.commit();
		await(display, () -> pane.parts().checks().current() && pane.problems().stream().anyMatch(
				MappingProblem::isError), () -> "the error is listed: " + pane.problems());
		select("poNumber");
		Table problems = pane.parts().problems().getTable();
		problems.setSelection(0);
		problems.notifyListeners(SWT.DefaultSelection, new Event());
		flush(display);
		assertEquals("4", pane.parts().rules().getStructuredSelection().getFirstElement() instanceof End end
				? end.path() : null, "the double-click went to rule 4");
		assertTrue(pane.parts().rules().getTable().getSelection()[0].getText(5).contains("unknown function fn:nope"));
	}
}
