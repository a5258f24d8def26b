package io.syncline.ui.mapping.internal.editor;

import static io.syncline.ui.mapping.internal.editor.EditorUi.await;
import static io.syncline.ui.mapping.internal.editor.EditorUi.child;
import static io.syncline.ui.mapping.internal.editor.EditorUi.flush;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.ui.mapping.internal.MappingDocument;
import io.syncline.ui.mapping.internal.editor.RuleEnds.End;

/**
 * The mapping editor on real widgets, at 1280x800, over the Harbor mappings: lines where their nodes are, the
 * preview of a real sample, and rules that survive what their sample lacks.
 */
class MappingEditorTest {

	@TempDir
	Path dir;

	private Display display;
	private Shell shell;

	@BeforeEach
	void open() {
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(1280, 800);
	}

	@AfterEach
	void close() {
		shell.dispose();
	}

	private MappingEditorPane edit(String mapping) throws Exception {
		Path draft = dir.resolve(mapping + ".synmap");
		Files.copy(EditorUi.demo().resolve("mappings").resolve(mapping + ".synmap"), draft);
		MappingEditorPane pane = new MappingEditorPane(shell, MappingDocument.open(draft));
		shell.layout(true, true);
		shell.open();
		flush(display);
		return pane;
	}

	@Test
	void theHarbor855PreviewsLineTwoBackorderedAndSaysWhereEachValueCameFrom() throws Exception {
		MappingEditorPane pane = edit("acme-855-po-ack");
		pane.useSample(EditorUi.demo().resolve("samples/edi/acme-855-po-ack.edi"));
		await(display, () -> !pane.sourceFromRules(), pane::statusText);
		var preview = pane.parts().preview();
		await(display, preview::complete, () -> preview.counts().getText());
		assertEquals("1 records: 1 mapped, 0 failed", preview.counts().getText());

		Tree records = preview.records().getTree();
		preview.records().expandAll();
		TreeItem line2 = child(records, child(records, null, "Record 1"), "lines [2]");
		TreeItem backorder = child(records, line2, "acknowledgments [2]");
		assertNotNull(child(records, backorder, "status = BACKORDERED"));
		assertNotNull(child(records, backorder, "scheduledDate = 2026-12-09"));
		TreeItem quantity = child(records, backorder, "quantity");
		assertNotNull(child(records, quantity, "uom = BX"));
		TreeItem value = child(records, quantity, "value = 150");
		records.setSelection(value);
		preview.records().setSelection(preview.records().getSelection()); // as a click would tell the listeners
		flush(display);
		String details = preview.details().getText();
		assertTrue(details.contains("made by rule 6.8.2 (quantity/value)") && details.contains("from ACK/ACK02 = '150'"),
				details);

		pane.parts().tabs().setSelection(pane.parts().tabs().getItem(2));
		shell.layout(true, true);
		assertFalse(pane.ends().isEmpty());
		EditorUi.capture(shell, "mapping-editor-855-preview.png");
	}

	@Test
	void linesLandAtTheirNodesAfterScrollingExpandingAndCollapsing() throws Exception {
		MappingEditorPane pane = edit("acme-855-po-ack");
		pane.useSample(EditorUi.demo().resolve("samples/edi/acme-855-po-ack.edi"));
		await(display, () -> !pane.sourceFromRules(), pane::statusText);
		var parts = pane.parts();
		MappingCanvas canvas = parts.canvas();
		parts.source().expandAll();
		parts.target().expandAll();
		flush(display);
		assertTrue(assertLinesAtCentres(pane) >= 4);
		SchemaNode header = SchemaTrees.resolve(pane.sourceRoot(), "BAK/BAK03");
		SchemaNode loop = SchemaTrees.resolve(pane.sourceRoot(), "PO1_LOOP");
		SchemaNode lineNumber = SchemaTrees.resolve(loop, "PO1/PO101");
		assertTrue(line(canvas, lineNumber).from().outOfView(), "PO1-01 is below the rows shown: drawn to the edge");

		// scroll both trees to the lines: their rules' ends come into view, the header's go out of it
		Tree source = parts.source().getTree();
		TreeItem loopItem = (TreeItem) parts.source().testFindItem(loop);
		source.setTopItem(loopItem);
		Tree target = parts.target().getTree();
		TreeItem linesItem = (TreeItem) parts.target().testFindItem(SchemaTrees.resolve(pane.targetRoot(), "lines"));
		target.setTopItem(linesItem);
		// GTK scrolls when it next lays the tree out, and may drop a scroll asked for before: ask until it lands
		await(display, () -> {
			boolean landed = loopItem.getBounds().y < source.getClientArea().height / 2
					&& linesItem.getBounds().y < target.getClientArea().height / 2;
			if (!landed) {
				source.setTopItem(loopItem);
				target.setTopItem(linesItem);
				source.redraw();
				target.redraw();
			}
			return landed;
		}, () -> "scrolled: " + loopItem.getBounds() + ", " + linesItem.getBounds());
		int inView = assertLinesAtCentres(pane);
		assertTrue(inView >= 10, "ends in view at their centres: " + inView);
		assertTrue(line(canvas, header).from().outOfView(), "BAK-03 is scrolled above the rows shown");
		assertTrue(!line(canvas, lineNumber).from().outOfView());

		// collapse the loop: its rules' lines start at the loop's row
		parts.source().collapseToLevel(loop, 1);
		flush(display);
		int loopCentre = centre(source, (TreeItem) parts.source().testFindItem(loop), canvas);
		long atLoop = canvas.lines().stream().filter(line -> line.source() != null && line.source() != loop
				&& isBelow(line.source(), loop)).peek(line -> {
					assertTrue(line.from().atAncestor(), line.end().path());
					assertEquals(loopCentre, line.from().y(), line.end().path());
				}).count();
		assertTrue(atLoop >= 8, "lines of the collapsed loop: " + atLoop);
		EditorUi.capture(shell, "mapping-editor-855-lines.png");
	}

	private static MappingCanvas.Line line(MappingCanvas canvas, SchemaNode source) {
		return canvas.lines().stream().filter(line -> line.source() == source).findFirst().orElseThrow();
	}

	private static boolean isBelow(SchemaNode node, SchemaNode ancestor) {
		for (SchemaNode at = node; at != null; at = SchemaTrees.parent(at)) {
			if (at == ancestor) {
				return true;
			}
		}
		return false;
	}

	private static int centre(Tree tree, TreeItem item, MappingCanvas canvas) {
		var bounds = item.getBounds();
		return tree.getDisplay().map(tree, canvas.control(), 0, bounds.y + bounds.height / 2).y;
	}

	/** Every line whose end is on screen ends at that row's centre; how many ends were checked. */
	private static int assertLinesAtCentres(MappingEditorPane pane) {
		var parts = pane.parts();
		int checked = 0;
		for (MappingCanvas.Line line : parts.canvas().lines()) {
			if (line.source() != null && !line.from().outOfView() && !line.from().atAncestor()) {
				TreeItem item = (TreeItem) parts.source().testFindItem(line.source());
				assertEquals(centre(parts.source().getTree(), item, parts.canvas()), line.from().y(), line.end().path());
				checked++;
			}
			if (line.end().target() != null && !line.to().outOfView() && !line.to().atAncestor()) {
				TreeItem item = (TreeItem) parts.target().testFindItem(line.end().target());
				assertEquals(centre(parts.target().getTree(), item, parts.canvas()), line.to().y(), line.end().path());
				checked++;
			}
		}
		return checked;
	}

	@Test
	void aRuleTheSampleLacksIsKeptShownUnresolvedAndSavedAsItWas() throws Exception {
		MappingEditorPane pane = edit("acme-855-po-ack");
		FieldRule poNumber = (FieldRule) pane.document().mapping().getRules().get(0);
		poNumber.getSources().set(0, "BAK/BAK99");
		pane.document().save();
		byte[] before = Files.readAllBytes(pane.document().file());
		shell.dispose();
		open();
		MappingEditorPane reopened = new MappingEditorPane(shell, MappingDocument.open(dir.resolve(
				"acme-855-po-ack.synmap")));
		shell.open();
		reopened.useSample(EditorUi.demo().resolve("samples/edi/acme-855-po-ack.edi"));
		await(display, () -> !reopened.sourceFromRules(), reopened::statusText);
		End unresolved = reopened.ends().get(0);
		assertEquals(List.of("BAK/BAK99"), unresolved.unresolved());
		assertTrue(MappingCanvas.describe(unresolved).contains("unresolved"));
		assertTrue(reopened.parts().canvas().lines().stream().anyMatch(line -> line.end() == unresolved
				&& line.source() == null));
		// edit another rule, save: the unresolved rule is written as it was
		reopened.parts().rules().setSelection(new org.eclipse.jface.viewers.StructuredSelection(reopened.ends().get(3)));
		reopened.parts().properties().description().setText("the order's date");
		reopened.parts().properties().description().notifyListeners(org.eclipse.swt.SWT.DefaultSelection,
				new org.eclipse.swt.widgets.Event());
		reopened.document().save();
		String saved = Files.readString(reopened.document().file());
		assertTrue(saved.contains("<sources>BAK/BAK99</sources>"), saved);
		assertTrue(saved.contains("description=\"the order's date\""), saved);
		assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(reopened.document().file())));
	}

	@Test
	void withoutItsSampleEveryRuleStillShowsAndDraws() throws Exception {
		MappingEditorPane pane = edit("acme-855-po-ack");
		assertTrue(pane.sourceFromRules());
		assertEquals(countRules(pane.document().mapping().getRules()), pane.ends().size());
		assertTrue(pane.ends().stream().allMatch(End::resolved), "every rule's paths are in the tree of its rules");
		pane.document().save(); // a hand-written file is normalized once; from then on the bytes hold
		byte[] saved = Files.readAllBytes(pane.document().file());
		MappingEditorPane again = new MappingEditorPane(shell, MappingDocument.open(pane.document().file()));
		again.document().save();
		assertArrayEquals(saved, Files.readAllBytes(again.document().file()));
	}

	private static int countRules(List<io.syncline.mapping.model.Rule> rules) {
		int count = 0;
		for (var rule : rules) {
			count++;
			if (rule instanceof io.syncline.mapping.model.LoopRule loop) {
				count += countRules(loop.getRules());
			}
		}
		return count;
	}

	@Test
	void anOutboundMappingReadsItsCanonicalSampleAndPreviewsTheX12ItWrites() throws Exception {
		MappingEditorPane pane = edit("po-850-outbound");
		pane.useSample(EditorUi.demo().resolve("canonical/po-45001.xmi"));
		await(display, () -> !pane.sourceFromRules(), pane::statusText);
		assertEquals("PO-45001", SchemaTrees.resolve(pane.sourceRoot(), "poNumber").getSample());
		assertTrue(pane.ends().stream().allMatch(End::resolved), "every rule resolves in PurchaseOrder's tree");
		var preview = pane.parts().preview();
		await(display, preview::complete, () -> preview.counts().getText());
		assertEquals("1 records: 1 mapped, 0 failed", preview.counts().getText());
		preview.records().expandAll();
		Tree records = preview.records().getTree();
		TreeItem beg = child(records, child(records, null, "Record 1"), "BEG");
		TreeItem beg03 = child(records, beg, "BEG03 = PO-45001");
		records.setSelection(beg03);
		preview.records().setSelection(preview.records().getSelection());
		flush(display);
		assertTrue(preview.details().getText().contains("from poNumber = 'PO-45001'"), preview.details().getText());
	}
}
