package io.syncline.ui.mapping.internal.editor;

import static io.syncline.ui.mapping.internal.editor.EditorUi.await;
import static io.syncline.ui.mapping.internal.editor.EditorUi.flush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.formats.infer.SchemaInference;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.DataType;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.MappingFactory;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.ui.mapping.internal.MappingDocument;

/**
 * The editor's figures at the sizes analysts have (printed, not timed: machines are shared): opening the whole
 * 004010 850 schema with 200 rules, a 5,000-node tree with 500 rules, the UI thread's longest stall while a script
 * expands, scrolls, links and edits, and the preview of a 10,000-record sample (first records, complete, and the
 * heap it keeps against a 100,000-record one). The assertions are on what was done, never on how fast.
 */
class EditorProbe {

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
		shell.open();
	}

	@AfterEach
	void close() {
		shell.dispose();
	}

	private static void figure(String text) {
		System.out.println("editor-probe: " + text);
	}

	/** Opens the editor on a mapping; the time until it is laid out, painted and every line placed. */
	private MappingEditorPane timeOpen(Mapping mapping, String what) throws Exception {
		Path file = dir.resolve(mapping.getName() + ".synmap");
		MappingResources.save(mapping, file);
		long start = System.nanoTime();
		MappingDocument document = MappingDocument.open(file);
		long read = System.nanoTime();
		MappingEditorPane pane = new MappingEditorPane(shell, document);
		long built = System.nanoTime();
		shell.layout(true, true);
		long laidOut = System.nanoTime();
		pane.parts().canvas().lines();
		long placed = System.nanoTime();
		flush(display);
		long end = System.nanoTime();
		figure(what + ": open " + (end - start) / 1_000_000 + " ms (goal <= 1000): read " + (read - start) / 1_000_000
				+ ", built " + (built - read) / 1_000_000 + ", laid out " + (laidOut - built) / 1_000_000
				+ ", lines placed " + (placed - laidOut) / 1_000_000 + ", painted " + (end - placed) / 1_000_000);
		return pane;
	}

	@Test
	void the850SchemaWith200Rules() throws Exception {
		Mapping mapping = MappingResources.load(EditorUi.demo().resolve("mappings/bigbox-850-order.synmap"));
		SchemaNode schema = SchemaTrees.of(SchemaInference.x12("850"));
		mapping.setSourceSchema(schema);
		List<SchemaNode> leaves = new ArrayList<>();
		leaves(SchemaTrees.resolve(schema, "PO1_LOOP"), leaves);
		LoopRule lines = (LoopRule) mapping.getRules().stream().filter(r -> r instanceof LoopRule).findFirst()
				.orElseThrow();
		for (int i = 0; lines.getRules().size() + mapping.getRules().size() < 200; i++) {
			FieldRule rule = MappingFactory.eINSTANCE.createFieldRule();
			rule.setTarget("description");
			rule.setCondition("index == " + (i + 100)); // many rules writing one place, each under its condition
			rule.getSources().add(SchemaTrees.path(SchemaTrees.resolve(schema, "PO1_LOOP"), leaves.get(i % leaves
					.size())));
			lines.getRules().add(rule);
		}
		MappingEditorPane pane = timeOpen(mapping, "850 schema (" + count(schema) + " nodes), "
				+ pane200(mapping) + " rules");
		assertEquals(pane200(mapping), pane.ends().size());
		assertTrue(pane.ends().stream().allMatch(RuleEnds.End::resolved), "every rule resolves in the 850 schema");
	}

	private static int pane200(Mapping mapping) {
		int count = 0;
		for (var rule : mapping.getRules()) {
			count++;
			if (rule instanceof LoopRule loop) {
				count += loop.getRules().size();
			}
		}
		return count;
	}

	@Test
	void aTreeOf5000NodesWith500RulesStaysResponsive() throws Exception {
		Mapping mapping = MappingResources.load(EditorUi.demo().resolve("mappings/boltco-catalog.synmap"));
		SchemaNode root = node("record", DataType.GROUP);
		for (int g = 0; g < 50; g++) {
			SchemaNode group = node("group" + g, DataType.GROUP);
			for (int f = 0; f < 99; f++) {
				group.getChildren().add(node("field" + f, DataType.STRING));
			}
			root.getChildren().add(group);
		}
		mapping.setSourceSchema(root);
		mapping.getRules().clear();
		for (int i = 0; i < 500; i++) {
			FieldRule rule = MappingFactory.eINSTANCE.createFieldRule();
			rule.setTarget(i == 0 ? "supplierSku" : "description");
			rule.setCondition(i == 0 ? null : "index == " + i);
			rule.getSources().add("group" + (i % 50) + "/field" + (i * 7 % 99));
			mapping.getRules().add(rule);
		}
		MappingEditorPane pane = timeOpen(mapping, "a tree of " + count(root) + " nodes, 500 rules");
		assertEquals(500, pane.ends().size());

		// the watchdog: a ping posted to the UI thread every 2 ms; the longest wait for one is the longest stall
		AtomicLong longest = new AtomicLong();
		AtomicBoolean watching = new AtomicBoolean(true);
		Thread watchdog = new Thread(() -> {
			while (watching.get()) {
				long posted = System.nanoTime();
				display.asyncExec(() -> longest.accumulateAndGet(System.nanoTime() - posted, Math::max));
				try {
					Thread.sleep(2);
				} catch (InterruptedException e) {
					return;
				}
			}
		}, "ui-watchdog");
		watchdog.start();
		var parts = pane.parts();
		Tree tree = parts.source().getTree();
		SchemaNode shown = pane.sourceRoot(); // the tree as the editor read it from the file
		List<Runnable> script = new ArrayList<>();
		for (int g = 0; g < 50; g += 5) {
			SchemaNode group = shown.getChildren().get(g);
			script.add(() -> parts.source().expandToLevel(group, 1));
			script.add(() -> tree.setTopItem(tree.getItem(Math.min(tree.getItemCount() - 1, 5 + group.getChildren()
					.size() / 10))));
			script.add(() -> parts.canvas().control().redraw());
		}
		String[] linked = new String[1];
		script.add(() -> {
			pane.link(List.of(shown.getChildren().get(3).getChildren().get(5)), SchemaTrees.resolve(pane.targetRoot(),
					"gtin"));
			linked[0] = pane.statusText();
		});
		script.add(() -> parts.rules().setSelection(new StructuredSelection(pane.ends().get(pane.ends().size() - 1)),
				true));
		script.add(() -> {
			parts.properties().expression().viewer().getDocument().set("fn:trim(value)");
			parts.properties().expression().commit();
		});
		script.add(() -> parts.source().collapseAll());
		long start = System.nanoTime();
		List<String> slow = new ArrayList<>();
		for (int i = 0; i < script.size(); i++) {
			Runnable step = script.get(i);
			int number = i;
			display.asyncExec(() -> {
				long began = System.nanoTime();
				step.run();
				long took = (System.nanoTime() - began) / 1_000_000;
				if (took > 30) {
					slow.add("step " + number + " " + took + " ms");
				}
			});
			flush(display);
			Thread.sleep(5); // the pings get their turn between steps, as they would between a user's actions
			flush(display);
		}
		watching.set(false);
		watchdog.join();
		flush(display);
		figure("scripted expand, scroll, link and edit over it (" + script.size() + " steps, "
				+ (System.nanoTime() - start) / 1_000_000 + " ms): the UI thread's longest stall "
				+ longest.get() / 1_000_000 + " ms (goal <= 50); steps over 30 ms: " + slow + "; " + pane.statusText());
		assertEquals(501, pane.ends().size(), linked[0]);
	}

	@Test
	void aPreviewOf10000RecordsStreamsAndKeepsTheSameHeapAs100000() throws Exception {
		Path small = catalog(10_000);
		Path large = catalog(100_000);
		Mapping mapping = MappingResources.load(EditorUi.demo().resolve("mappings/boltco-catalog.synmap"));
		MappingEditorPane pane = timeOpen(mapping, "boltco-catalog");
		PreviewPane preview = pane.parts().preview();
		long[] small10k = preview(pane, preview, small);
		long[] large100k = preview(pane, preview, large);
		figure("preview of 10,000 records: first records shown " + small10k[0] + " ms after the run began (goal <= 300),"
				+ " complete " + small10k[1] + " ms (goal <= 2000), heap kept " + small10k[2] / 1024 + " KB");
		figure("preview of 100,000 records: first " + large100k[0] + " ms, complete " + large100k[1]
				+ " ms, heap kept " + large100k[2] / 1024 + " KB (the same order as for 10,000: it keeps "
				+ PreviewPane.KEEP + " records)");
	}

	/** First records and complete, from the run's start (after its pause for more edits); the heap kept after. */
	private long[] preview(MappingEditorPane pane, PreviewPane preview, Path sample) throws Exception {
		System.gc();
		long before = usedHeap();
		pane.previewSample(sample);
		await(display, preview::complete, () -> preview.counts().getText());
		long first = preview.timings()[0];
		long complete = preview.timings()[1];
		assertTrue(preview.counts().getText().startsWith(Files.lines(sample).count() - 1 + " records"),
				preview.counts().getText());
		System.gc();
		return new long[] { first, complete, Math.max(0, usedHeap() - before) };
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private Path catalog(int rows) throws Exception {
		List<String> lines = Files.readAllLines(EditorUi.demo().resolve("samples/boltco-catalog.csv"));
		Path file = dir.resolve("catalog-" + rows + ".csv");
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write(lines.get(0));
			out.newLine();
			for (int i = 0; i < rows; i++) {
				out.write(lines.get(1 + i % (lines.size() - 1)));
				out.newLine();
			}
		}
		return file;
	}

	private static SchemaNode node(String name, DataType type) {
		SchemaNode node = MappingFactory.eINSTANCE.createSchemaNode();
		node.setName(name);
		node.setType(type);
		return node;
	}

	private static void leaves(SchemaNode node, List<SchemaNode> into) {
		for (SchemaNode child : node.getChildren()) {
			if (child.getChildren().isEmpty()) {
				into.add(child);
			} else {
				leaves(child, into);
			}
		}
	}

	private static int count(SchemaNode node) {
		int count = 1;
		for (SchemaNode child : node.getChildren()) {
			count += count(child);
		}
		return count;
	}
}
