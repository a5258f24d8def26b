package io.syncline.ui.mapping.internal.editor;

import static io.syncline.ui.mapping.internal.editor.EditorUi.await;
import static io.syncline.ui.mapping.internal.editor.EditorUi.child;
import static io.syncline.ui.mapping.internal.editor.EditorUi.flush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.prefs.Preferences;

import io.syncline.mapping.MappingProblem;
import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.runtime.api.MappingVersion;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.local.DemoTenant;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.store.Store;
import io.syncline.ui.internal.connections.ConnectionStore;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.mapping.internal.MappingDocument;
import io.syncline.ui.mapping.internal.MappingDrafts;
import io.syncline.ui.mapping.internal.wizard.FlowBinding;
import io.syncline.ui.mapping.internal.wizard.NewMappingPage;
import io.syncline.ui.mapping.internal.wizard.NewMappingWizard;

/**
 * The README's walkthrough, on real widgets over a real runtime: a supplier Harbor has not met (Delta Fittings, an
 * XML price list with decimal commas, units in words and dates as dd.MM.yyyy) is mapped from nothing. The wizard
 * makes the draft from the sample; rules are made through the path a drop takes, one through Ctrl+L; the preview
 * shows the values; the mapping is published to the local runtime, bound to the partner, and the price list
 * ingested applies six supplier items. Publishing again through a remote runtime works with an ANALYST token and
 * is refused with a VIEWER's.
 */
class NewSupplierMappingTest {

	@TempDir
	Path dir;

	private Store store;
	private LocalRuntime runtime;
	private RuntimeSelection selection;
	private Preferences preferences;
	private Display display;
	private Shell shell;
	private RuntimeServer server;

	@BeforeEach
	void open() throws Exception {
		store = Store.openH2(dir.resolve("db"));
		runtime = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("data"), EditorUi.demo().resolve("mappings")));
		DemoTenant.loadIfEmpty(runtime, EditorUi.demo()); // the item master the supplier's SKUs cross-reference
		preferences = InstanceScope.INSTANCE.getNode("io.syncline.ui.mapping.tests." + UUID.randomUUID());
		var secure = io.syncline.testing.ui.SwtTesting.secureStorage(dir);
		selection = new RuntimeSelection(new ConnectionStore(preferences, secure.node("io.syncline/connections")),
				() -> runtime);
		selection.use(io.syncline.ui.internal.connections.Connection.local(), "harbor");
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(1280, 800);
		await(display, () -> selection.active().ready(), () -> selection.active().message());
	}

	@AfterEach
	void close() throws Exception {
		shell.dispose();
		selection.close();
		if (server != null) {
			server.close();
		}
		runtime.close();
		store.close();
		preferences.removeNode();
	}

	@Test
	void anAnalystMapsPreviewsPublishesAndAppliesANewSuppliersPriceList() throws Exception {
		Path sample = EditorUi.demo().resolve("samples/delta-pricelist.xml");
		MappingDrafts drafts = new MappingDrafts(dir.resolve("drafts"));

		// 1. the wizard: partner, direction, document type, sample (its records found), target, numbers
		AtomicReference<Path> made = new AtomicReference<>();
		NewMappingWizard wizard = new NewMappingWizard(drafts, selection, (draft, file) -> made.set(draft));
		WizardDialog dialog = new WizardDialog(shell, wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		NewMappingPage page = wizard.page();
		page.partnerField().setText("delta");
		page.documentTypeField().setText("pricelist");
		page.sampleField().setText(sample.toString());
		await(display, () -> !page.recordPathField().getText().isEmpty(), () -> "the records are found in the sample");
		assertEquals("/PriceList/Article", page.recordPathField().getText());
		page.targetField().setText("SupplierItem");
		page.numberLocaleField().setText("de-DE");
		assertEquals("delta-pricelist", page.nameField().getText());
		assertEquals(null, page.problem());
		flush(display);
		assertTrue(find(dialog.getShell(), "Finish").isEnabled(), "Finish is enabled once the page is complete");
		EditorUi.capture(dialog.getShell(), "mapping-wizard.png");
		press(dialog.getShell(), "Finish");
		await(display, () -> made.get() != null, () -> "the wizard made the draft: " + page.getErrorMessage());

		// 2. the editor on the draft, previewing the sample
		MappingEditorPane pane = new MappingEditorPane(shell, MappingDocument.open(made.get()));
		shell.layout(true, true);
		shell.open();
		pane.previewSample(sample);
		assertTrue(!pane.sourceFromRules(), "the wizard kept the sample's tree in the draft");
		SchemaNode source = pane.sourceRoot();
		SchemaNode target = pane.targetRoot();

		pane.constant(node(target, "supplier"), "delta");
		link(pane, source, "ArticleNo", target, "supplierSku");
		link(pane, source, "ArticleNo", target, "item");
		link(pane, source, "EAN", target, "gtin");
		link(pane, source, "Text", target, "description");
		link(pane, source, "Unit", target, "uom");
		link(pane, source, "Unit/@qty", target, "packQuantity");
		link(pane, source, "Price", target, "cost/amount");
		link(pane, source, "Price/@currency", target, "cost/currency");
		link(pane, source, "MinOrder", target, "minimumOrderQuantity");
		link(pane, source, "ValidFrom", target, "effectiveDate");
		// one rule through the keyboard: select both ends, Ctrl+L
		var parts = pane.parts();
		parts.source().setSelection(new org.eclipse.jface.viewers.StructuredSelection(node(source, "Delivery/@days")),
				true);
		parts.target().setSelection(new org.eclipse.jface.viewers.StructuredSelection(node(target, "leadTimeDays")),
				true);
		EditorUi.key(parts.source().getTree(), 'l', SWT.MOD1);
		assertTrue(pane.ends().stream().anyMatch(end -> "leadTimeDays".equals(end.rule().getTarget())
				&& end.sourcePaths().equals(List.of("Delivery/@days"))), pane.statusText());

		// expressions, through the rule's properties as an analyst types them
		expression(pane, "item", "fn:crossRef('delta-sku', value)");
		expression(pane, "uom", "fn:crossRef('delta-uom', value)");
		expression(pane, "gtin", "fn:gtinValid(value) ? fn:gtin14(value) : null");
		expression(pane, "effectiveDate", "fn:date(value, 'dd.MM.yyyy')");

		// the lookup tables, imported from CSV
		parts.lookups().addTable();
		table(pane, "delta-sku", """
				key,value
				DF-7700-10,HS-001000
				DF-7710-50,HS-001001
				DF-7720-00,HS-001002
				DF-7730-00,HS-001003
				DF-7740-25,HS-001004
				DF-7750-25,HS-001005
				""");
		parts.lookups().addTable();
		table(pane, "delta-uom", "key,value\npiece,EA\nbox,BX\nfoot,FT\n");

		// 3. the preview shows what each record becomes
		var preview = parts.preview();
		await(display, () -> preview.complete() && preview.counts().getText().startsWith("6 records"),
				() -> preview.counts().getText() + " " + pane.problems());
		assertEquals("6 records: 6 mapped, 0 failed", preview.counts().getText());
		await(display, () -> parts.checks().current(), () -> "checked");
		assertEquals(List.of(), pane.problems().stream().filter(MappingProblem::isError).toList());
		preview.records().expandAll();
		Tree records = preview.records().getTree();
		TreeItem first = child(records, null, "Record 1");
		assertNotNull(child(records, first, "supplierSku = DF-7700-10"));
		assertNotNull(child(records, first, "uom = EA"));
		assertNotNull(child(records, first, "effectiveDate = 2026-12-01"));
		TreeItem cost = child(records, first, "cost");
		assertNotNull(child(records, cost, "amount = 34.9120"), "34,9120 read with the de-DE number locale");
		parts.tabs().setSelection(2);
		EditorUi.capture(shell, "mapping-editor-new-supplier.png");
		pane.document().save();

		// 4. publish to the local runtime, bind the partner's price lists to it, ingest
		Publishing publishing = new Publishing(selection);
		MappingVersion v1 = publish(publishing, pane, "Delta Fittings price list");
		assertEquals(1, v1.version());
		new FlowBinding("delta", "pricelist", "IN", "SUPPLIER_CATALOG", "delta-pricelist", "*pricelist*.xml")
				.bind(runtime);
		SubmitResult result = runtime.submit("delta", "pricelist", "delta-pricelist.xml", Files.readAllBytes(sample));
		assertTrue(result.problems().isEmpty(), result.toString());
		assertEquals(6, result.records(), result.toString());
		try (Connection connection = store.connection(); PreparedStatement query = connection.prepareStatement(
				"SELECT item_number, cost FROM supplier_items WHERE partner_id = 'delta' AND supplier_sku = ?")) {
			query.setString(1, "DF-7740-25");
			try (ResultSet row = query.executeQuery()) {
				assertTrue(row.next(), "DF-7740-25 is a supplier item of delta");
				assertEquals("HS-001004", row.getString(1));
				assertEquals(0, new BigDecimal("312.5").compareTo(row.getBigDecimal(2)));
			}
		}

		// 5. the same publish through a remote runtime: an ANALYST publishes v2, a VIEWER is told why not
		server = RuntimeServer.start(ServerSettings.loopback(0), runtime, "9.9.9-test");
		use(Role.ANALYST);
		assertEquals(null, publishing.whyNot());
		// a change to publish (publishing the same bytes again gives back the version that has them)
		var gtin = pane.ends().stream().filter(e -> "gtin".equals(e.rule().getTarget())).findFirst().orElseThrow();
		parts.rules().setSelection(new org.eclipse.jface.viewers.StructuredSelection(gtin), true);
		flush(display);
		parts.properties().description().setText("EAN-13 as GTIN-14; a wrong check digit is left out");
		parts.properties().description().notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
		assertEquals(2, publish(publishing, pane, "through the remote runtime").version());
		use(Role.VIEWER);
		String why = publishing.whyNot();
		assertTrue(why != null && why.contains("ANALYST") && why.contains("VIEWER"), why);
		List<MappingProblem> refused = new ArrayList<>();
		publishing.publish(pane, "should not land", made2 -> {
		}, refused::addAll);
		assertTrue(!refused.isEmpty() && refused.get(0).message().contains("ANALYST"), refused.toString());
		assertEquals(2, runtime.mappingVersions("delta-pricelist").size());
	}

	private void use(Role role) throws Exception {
		String token = runtime.accessTokens().create("harbor", "analyst-" + role, role, Duration.ofHours(1)).secret();
		var connection = selection.store().save(new io.syncline.ui.internal.connections.Connection(null,
				"Harbor remote " + role, server.url(), null), token);
		selection.use(connection, "harbor");
		await(display, () -> selection.active().ready() && selection.active().connection().equals(connection),
				() -> selection.active().message());
	}

	private MappingVersion publish(Publishing publishing, MappingEditorPane pane, String comment) throws Exception {
		AtomicReference<MappingVersion> done = new AtomicReference<>();
		List<MappingProblem> refused = new ArrayList<>();
		publishing.publish(pane, comment, done::set, refused::addAll);
		await(display, () -> done.get() != null || !refused.isEmpty(), () -> "published");
		assertEquals(List.of(), refused);
		return done.get();
	}

	private static SchemaNode node(SchemaNode root, String path) {
		SchemaNode node = SchemaTrees.resolve(root, path);
		assertNotNull(node, path);
		return node;
	}

	/** A link as a drop makes it: the dragged source nodes onto a target node. */
	private void link(MappingEditorPane pane, SchemaNode source, String from, SchemaNode target, String to) {
		pane.link(LinkDrop.dragged(new org.eclipse.jface.viewers.StructuredSelection(node(source, from))),
				node(target, to));
		flush(display);
		assertTrue(pane.ends().stream().anyMatch(end -> to.equals(end.rule().getTarget())), pane.statusText());
	}

	/** Types an expression into the selected rule's expression field and presses Enter. */
	private void expression(MappingEditorPane pane, String target, String text) {
		var end = pane.ends().stream().filter(e -> target.equals(e.rule().getTarget())).findFirst().orElseThrow();
		pane.parts().rules().setSelection(new org.eclipse.jface.viewers.StructuredSelection(end), true);
		flush(display);
		ExpressionField field = pane.parts().properties().expression();
		field.viewer().getDocument().set(text);
		EditorUi.key(field.text(), SWT.CR, 0);
		assertEquals(text, ((io.syncline.mapping.model.FieldRule) end.rule()).getExpression());
	}

	private void table(MappingEditorPane pane, String name, String csv) throws Exception {
		LookupsPane lookups = pane.parts().lookups();
		var table = pane.document().mapping().getLookups().get(pane.document().mapping().getLookups().size() - 1);
		lookups.tables().setSelection(new org.eclipse.jface.viewers.StructuredSelection(table));
		pane.document().execute(org.eclipse.emf.edit.command.SetCommand.create(pane.document().domain(), table,
				io.syncline.mapping.model.MappingPackage.Literals.LOOKUP_TABLE__NAME, name));
		Path file = dir.resolve(name + ".csv");
		Files.writeString(file, csv);
		lookups.tables().setSelection(new org.eclipse.jface.viewers.StructuredSelection(table));
		lookups.importCsv(file);
		int rows = csv.strip().split("\n").length - 1;
		await(display, () -> table.getEntries().size() == rows, () -> lookups.warning()); // read in a Job
		assertEquals(rows, table.getEntries().size());
	}

	private static void press(Shell shell, String text) {
		Button button = find(shell, text);
		assertNotNull(button, text);
		button.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	private static Button find(Control control, String text) {
		if (control instanceof Button button && button.getText().replace("&", "").equals(text)) {
			return button;
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				Button found = find(child, text);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
