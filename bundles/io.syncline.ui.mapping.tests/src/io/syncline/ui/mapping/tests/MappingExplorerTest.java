package io.syncline.ui.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.prefs.Preferences;

import io.syncline.runtime.api.MappingSummary;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;
import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.ConnectionStore;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.mapping.internal.MappingDrafts;
import io.syncline.ui.mapping.internal.MappingExplorer;

/**
 * The mapping explorer on real widgets over a local runtime with the Harbor mappings published: grouped by partner
 * with what each maps, filtered, a published version opened as a local draft byte for byte, a file imported, a
 * draft deleted (a published mapping never).
 */
class MappingExplorerTest {

	@TempDir
	Path dir;

	private Store store;
	private LocalRuntime runtime;
	private RuntimeSelection selection;
	private Preferences preferences;
	private Display display;
	private Shell shell;

	@BeforeEach
	void open() throws Exception {
		store = Store.openH2(dir.resolve("db"));
		runtime = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("data"),
				Path.of(System.getProperty("syncline.demo"), "mappings")));
		preferences = InstanceScope.INSTANCE.getNode("io.syncline.ui.mapping.tests." + UUID.randomUUID());
		var secure = io.syncline.testing.ui.SwtTesting.secureStorage(dir);
		selection = new RuntimeSelection(new ConnectionStore(preferences, secure.node("io.syncline/connections")),
				() -> runtime);
		selection.use(Connection.local(), "harbor");
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(400, 700);
	}

	@AfterEach
	void close() throws Exception {
		shell.dispose();
		selection.close();
		preferences.removeNode();
		runtime.close();
		store.close();
	}

	@Test
	void publishedMappingsByPartnerADraftFromOneAndDraftsImportedAndDeleted() throws Exception {
		await(() -> selection.active().ready(), () -> "the local runtime is active: " + selection.active().message());
		MappingDrafts drafts = new MappingDrafts(dir.resolve("workspace/mappings"));
		MappingExplorer explorer = new MappingExplorer(shell, selection, drafts);
		shell.open();
		Tree tree = explorer.viewer().getTree();
		await(() -> item(tree, "boltco") != null, () -> "boltco is listed: " + explorer.status().getText());
		TreeItem boltco = item(tree, "boltco").getItem(0);
		assertEquals("boltco-catalog", boltco.getText(0));
		assertEquals("CSV → SupplierItem", boltco.getText(1));
		assertEquals("v1", boltco.getText(2));
		assertTrue(item(tree, "acme") != null && item(tree, "bigbox") != null, "each partner has its group");
		assertTrue(explorer.status().getText().contains("0 local drafts"), explorer.status().getText());

		explorer.filter().setText("bolt");
		flush();
		assertEquals(null, item(tree, "acme"), "filtered by name or partner");
		assertTrue(item(tree, "boltco") != null);

		// open the published version as a local draft
		MappingSummary summary = runtime.mappings().stream().filter(m -> m.name().equals("boltco-catalog"))
				.findFirst().orElseThrow();
		explorer.viewer().setSelection(new StructuredSelection(summary), true);
		explorer.openAsDraft();
		Path draft = drafts.folder().resolve("boltco-catalog.synmap");
		await(() -> Files.exists(draft) && explorer.status().getText().contains("is a draft now"),
				() -> explorer.status().getText());
		assertArrayEquals(runtime.mapping("boltco-catalog", 1), Files.readAllBytes(draft), "byte for byte");
		explorer.filter().setText("");
		await(() -> item(tree, "Local drafts (1)") != null, () -> "the draft is listed");
		assertEquals("boltco-catalog.synmap", item(tree, "Local drafts (1)").getItem(0).getText(0));

		// an analyst's file from elsewhere, imported: its name is taken, so it gets its own
		Path elsewhere = Files.write(dir.resolve("boltco-catalog.synmap"), runtime.mapping("boltco-catalog", 1));
		explorer.importDraft(elsewhere);
		await(() -> item(tree, "Local drafts (2)") != null, () -> explorer.status().getText());
		assertTrue(Files.exists(drafts.folder().resolve("boltco-catalog (2).synmap")));

		// a published mapping is never deleted here; a draft is, once confirmed
		explorer.viewer().setSelection(new StructuredSelection(summary), true);
		explorer.deleteSelectedDraft(() -> true);
		assertTrue(explorer.status().getText().contains("Choose a local draft"), explorer.status().getText());
		explorer.viewer().setSelection(new StructuredSelection(draft), true);
		explorer.deleteSelectedDraft(() -> false);
		flush();
		assertTrue(Files.exists(draft), "not without the analyst's yes");
		explorer.deleteSelectedDraft(() -> true);
		await(() -> !Files.exists(draft) && item(tree, "Local drafts (1)") != null, () -> explorer.status().getText());

		// export: a published version as the runtime has it, a draft as it is
		Path exported = dir.resolve("out/boltco-catalog-v1.synmap");
		Files.createDirectories(exported.getParent());
		explorer.viewer().setSelection(new StructuredSelection(summary), true);
		explorer.exportSelected(exported);
		await(() -> explorer.status().getText().startsWith("Exported to"), () -> explorer.status().getText());
		assertArrayEquals(runtime.mapping("boltco-catalog", 1), Files.readAllBytes(exported));

		// the drafts of another folder, as Preferences › Syncline › Mappings chooses one
		Path other = Files.createDirectories(dir.resolve("team-repo/mappings"));
		Files.write(other.resolve("pier-catalog.synmap"), runtime.mapping("boltco-catalog", 1));
		explorer.useDrafts(new MappingDrafts(other));
		await(() -> item(tree, "Local drafts (1)") != null
				&& item(tree, "Local drafts (1)").getItem(0).getText(0).equals("pier-catalog.synmap"),
				() -> "the other folder's drafts: " + explorer.status().getText());
	}

	@Test
	void theDraftsFolderIsTheOneChosenInPreferencesOrTheWorkspaces() throws Exception {
		var node = io.syncline.ui.mapping.preferences.MappingPreferences.node();
		try {
			node.remove(io.syncline.ui.mapping.preferences.MappingPreferences.DRAFTS_FOLDER);
			assertEquals("mappings", io.syncline.ui.mapping.preferences.MappingPreferences.draftsFolder().getFileName()
					.toString());
			node.put(io.syncline.ui.mapping.preferences.MappingPreferences.DRAFTS_FOLDER, dir.toString());
			assertEquals(dir, io.syncline.ui.mapping.preferences.MappingPreferences.draftsFolder());
		} finally {
			node.remove(io.syncline.ui.mapping.preferences.MappingPreferences.DRAFTS_FOLDER);
		}
	}

	private static TreeItem item(Tree tree, String text) {
		for (TreeItem item : tree.getItems()) {
			if (item.getText(0).equals(text)) {
				return item;
			}
		}
		return null;
	}

	private void flush() {
		while (display.readAndDispatch()) {
			// what a user's typing would trigger
		}
	}

	private void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting: " + what.get());
			}
			if (!display.readAndDispatch()) {
				Thread.sleep(10);
			}
		}
	}
}
