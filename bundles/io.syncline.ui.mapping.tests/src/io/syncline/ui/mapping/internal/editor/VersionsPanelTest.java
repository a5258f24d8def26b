package io.syncline.ui.mapping.internal.editor;

import static io.syncline.ui.mapping.internal.editor.EditorUi.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.MappingVersion;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;

/** The versions of a mapping on a runtime: listed with who and why, one opened to read, two compared rule by rule. */
class VersionsPanelTest {

	@TempDir
	Path dir;

	private Store store;
	private LocalRuntime runtime;
	private Display display;
	private Shell shell;

	@BeforeEach
	void open() throws Exception {
		store = Store.openH2(dir.resolve("db"));
		runtime = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("data"), EditorUi.demo().resolve("mappings")));
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(760, 520);
	}

	@AfterEach
	void close() {
		shell.dispose();
		runtime.close();
		store.close();
	}

	@Test
	void twoVersionsCompareRuleByRuleAndEitherOpensToRead() throws Exception {
		byte[] v1 = runtime.mapping("acme-855-po-ack", 1);
		// the first quantity/value is the line's; the acknowledgments' stays as it was
		String changed = new String(v1, StandardCharsets.UTF_8).replaceFirst(java.util.regex.Pattern.quote(
				"<rules xsi:type=\"synmap:FieldRule\" target=\"quantity/value\" required=\"true\">"),
				"<rules xsi:type=\"synmap:FieldRule\" target=\"quantity/value\" expression=\"fn:round(value, 0)\" "
						+ "required=\"true\">");
		assertTrue(!changed.equals(new String(v1, StandardCharsets.UTF_8)), "the sample edit applies");
		MappingVersion v2 = runtime.publishMapping("acme-855-po-ack", changed.getBytes(StandardCharsets.UTF_8),
				"quantities rounded");
		assertEquals(2, v2.version());

		AtomicReference<byte[]> opened = new AtomicReference<>();
		VersionsPanel panel = new VersionsPanel(shell, runtime, "acme-855-po-ack", (version, xmi) -> opened.set(xmi));
		shell.open();
		await(display, () -> panel.versions().getTable().getItemCount() == 2, () -> panel.status().getText());
		assertEquals("v2", panel.versions().getTable().getItem(0).getText(0), "newest first");
		assertEquals("quantities rounded", panel.versions().getTable().getItem(0).getText(3));

		panel.versions().setSelection(new StructuredSelection(panel.versions().getTable().getItem(0).getData()));
		panel.versions().setSelection(new StructuredSelection(new Object[] {
				panel.versions().getTable().getItem(0).getData(), panel.versions().getTable().getItem(1).getData() }));
		panel.compareSelected();
		await(display, () -> !panel.comparison().getText().isEmpty(), () -> panel.status().getText());
		assertEquals("changed lines/quantity/value: expression (none) → 'fn:round(value, 0)'\n",
				panel.comparison().getText());
		assertTrue(panel.status().getText().startsWith("1 rules differ between v1 and v2"), panel.status().getText());
		EditorUi.capture(shell, "mapping-versions.png");

		panel.versions().setSelection(new StructuredSelection(panel.versions().getTable().getItem(1).getData()));
		panel.versions().getTable().notifyListeners(org.eclipse.swt.SWT.DefaultSelection,
				new org.eclipse.swt.widgets.Event());
		await(display, () -> opened.get() != null, () -> panel.status().getText());
		assertArrayEquals(v1, opened.get(), "v1 as it was published");
		Files.write(dir.resolve("v1.synmap"), opened.get());
	}
}
