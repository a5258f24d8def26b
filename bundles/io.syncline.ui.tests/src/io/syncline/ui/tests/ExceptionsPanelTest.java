package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;


import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
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

import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.exceptions.ExceptionsPanel;

/**
 * The Exceptions view driven through its real widgets over the Harbor scenario, on the local runtime and on a
 * remote one on loopback: accept PO-45001's price change with a reason and see INV-7781 match; find a broken 856's
 * error highlighted in its payload, fix it until it validates, resubmit it and see it applied; a bulk dry run on a
 * set where one would still fail; 1,000 catalog price changes accepted by filter after a dry run.
 */
class ExceptionsPanelTest {


	@TempDir
	Path dir;

	private HarborConsole console;
	private LocalRuntime local;
	private Display display;
	private Shell shell;
	private RuntimeSelection selection;
	private ExceptionsPanel panel;

	@BeforeEach
	void harbor() throws Exception {
		console = HarborConsole.open(dir);
		local = console.local;
		display = console.display;
		shell = console.shell;
	}

	@AfterEach
	void close() throws Exception {
		console.close();
	}

	private void open(Connection connection) {
		panel = new ExceptionsPanel(shell, selection);
		console.show(1280, 800);
		selection.use(connection, null);
	}

	@Test
	void onTheLocalRuntime() throws Exception {
		selection = console.localSelection();
		open(Connection.local());
		acceptThePriceChangeAndSeeTheInvoiceMatch("local");
		fixABroken856UntilItValidatesAndResubmitIt("local");
		dryRunASetWhereOneStillFails();
		acceptAThousandPriceChangesByFilter();
	}

	@Test
	void onARemoteRuntimeOnLoopback() throws Exception {
		Connection remote = console.remote(Role.OPERATOR);
		selection = console.selection(false);
		open(remote);
		acceptThePriceChangeAndSeeTheInvoiceMatch("remote");
		fixABroken856UntilItValidatesAndResubmitIt("remote");
	}

	private void acceptThePriceChangeAndSeeTheInvoiceMatch(String where) throws Exception {
		await(() -> panel.counts().getText().contains("PRICE_CHANGE"), () -> "the queue is counted: " + panel.counts().getText()
				+ " / " + panel.outcome().getText());
		assertTrue(panel.counts().getText().contains("INVOICE_MISMATCH"), panel.counts().getText());
		assertEquals("MISMATCH", local.document(BusinessDocument.Type.INVOICE, "INV-7781").orElseThrow().status());
		choose(panel.filters().kind(), "PRICE_CHANGE");
		await(() -> rows().stream().allMatch(row -> row.kind().equals("PRICE_CHANGE")) && !rows().isEmpty(),
				"only price changes");
		int row = indexOf(summary -> "PO-45001/3".equals(summary.businessKey()));
		select(row);
		await(() -> panel.editor().header().getText().contains("PRICE_CHANGE #"), "the detail is shown");
		assertTrue(panel.editor().header().getText().contains("+6.5"), panel.editor().header().getText());
		answerTheReason("Acme's new price for AF-LG-1420 agreed by phone");
		press(panel.editor(), "&Accept…");
		await(() -> panel.editor().outcome().getText().startsWith("Accepted"), () -> panel.editor().outcome().getText());
		await(() -> "RESOLVED".equals(state(panel.editor().shown())), "the detail reads again");
		assertEquals("MATCHED", local.document(BusinessDocument.Type.INVOICE, "INV-7781").orElseThrow().status(),
				"the 810's three-way match is clean");
		Table history = panel.editor().history();
		TableItem last = history.getItem(history.getItemCount() - 1);
		assertEquals("resolved", last.getText(2));
		assertTrue(last.getText(3).contains("agreed by phone"), last.getText(3));
		choose(panel.filters().kind(), "Any kind");
		await(() -> !panel.counts().getText().contains("INVOICE_MISMATCH"), "no mismatch left: " + panel.counts().getText());
		capture(where + "-exceptions.png");
	}

	private void fixABroken856UntilItValidatesAndResubmitIt(String where) throws Exception {
		String good = Files.readString(Path.of(System.getProperty("syncline.demo"), "samples", "edi", "acme-856-asn.edi"))
				.replace("ASN-88001", "ASN-88002").replace("000000204", "000000214").replace("*204*", "*214*")
				.replace("GE*1*204~", "GE*1*214~");
		String broken = good.replace("DTM*017*20261126", "DTM*017*20261326");
		local.submit("acme", null, "acme-856-broken.edi", broken.getBytes(StandardCharsets.US_ASCII));
		choose(panel.filters().kind(), "MAPPING_ERROR");
		await(() -> !rows().isEmpty() && rows().get(0).kind().equals("MAPPING_ERROR"), "the broken 856 is queued");
		select(0);
		await(() -> panel.editor().located().getText().startsWith("At element DTM02"),
				"the error is located in the payload: " + panel.editor().located().getText());
		String text = panel.editor().payload().getText();
		int at = text.indexOf("20261326");
		StyleRange[] highlighted = panel.editor().payload().getStyleRanges();
		assertTrue(highlighted.length == 1 && highlighted[0].start == at && highlighted[0].length == 8,
				"the offending element is highlighted: " + List.of(highlighted));
		assertEquals(at, panel.editor().payload().getCaretOffset(), "the cursor is on it");
		assertTrue(panel.editor().problems().getItem(0).contains("DTM02"), panel.editor().problems().getItem(0));

		panel.editor().payload().replaceTextRange(at, 8, "20261299");
		press(panel.editor(), "&Validate");
		await(() -> panel.editor().outcome().getText().contains("problem"), "still invalid: "
				+ panel.editor().outcome().getText());
		panel.editor().payload().replaceTextRange(at, 8, "20261126");
		press(panel.editor(), "&Validate");
		await(() -> panel.editor().outcome().getText().startsWith("Valid:"), () -> panel.editor().outcome().getText()
				+ " " + List.of(panel.editor().problems().getItems()));
		assertTrue(panel.editor().problems().getItem(0).startsWith("Valid:"), panel.editor().problems().getItem(0));

		answerTheReason("DTM017 had month 13; Acme confirmed 2026-11-26");
		press(panel.editor(), "Save and Res&ubmit");
		await(() -> panel.editor().outcome().getText().startsWith("Resubmitted as message"),
				panel.editor().outcome().getText());
		assertTrue(panel.editor().outcome().getText().contains("APPLIED"), panel.editor().outcome().getText());
		await(() -> "RESOLVED".equals(state(panel.editor().shown())), "resolved by the clean resubmit");
		assertTrue(local.document(BusinessDocument.Type.ASN, "ASN-88002").isPresent(), "the fixed 856 is applied");
		for (Button action : Widgets.all(panel.editor(), Button.class)) {
			assertTrue(!action.isEnabled(), action.getText() + " is off once the exception is resolved");
		}
		boolean diffAudited = false;
		for (TableItem item : panel.editor().history().getItems()) {
			diffAudited |= item.getText(2).equals("edit-payload") && item.getText(4).contains("DTM02");
		}
		assertTrue(diffAudited, "the field-level diff of the edit is in the history");
		capture(where + "-exception-editor.png");
	}

	private void dryRunASetWhereOneStillFails() throws Exception {
		String catalog = Files.readString(Path.of(System.getProperty("syncline.demo"), "samples", "boltco-catalog.csv"));
		for (String typo : List.of(",3.8859,", ",36.9609,")) {
			local.submit("boltco", null, "boltco-typo.csv",
					catalog.replace(typo, typo.replace(".", "!")).getBytes(StandardCharsets.UTF_8));
		}
		List<ExceptionSummary> errors = local.exceptions(ExceptionQuery.open().ofKind("MAPPING_ERROR")).items();
		assertEquals(2, errors.size());
		local.editPayload(errors.get(0).id(), catalog.getBytes(StandardCharsets.UTF_8), "the first is fixed");
		choose(panel.filters().kind(), "MAPPING_ERROR");
		await(() -> rows().size() == 2, "two broken catalogs");
		List<String> seen = new ArrayList<>();
		whenDialogOpens("Retry every filtered exception", review -> {
			Table groups = Widgets.all(review, Table.class).get(0);
			for (TableItem item : groups.getItems()) {
				seen.add(item.getText(0) + " " + item.getText(2));
			}
			press(review, "Cancel");
		});
		press(panel, "Retry all &filtered…");
		await(() -> panel.outcome().getText().startsWith("Cancelled"), panel.outcome().getText());
		assertTrue(seen.contains("WOULD_APPLY 1") && seen.contains("WOULD_FAIL 1"), "grouped by reason: " + seen);
		assertEquals(2, local.exceptions(ExceptionQuery.open().ofKind("MAPPING_ERROR")).items().size(),
				"a dry run changes nothing");
	}

	private void acceptAThousandPriceChangesByFilter() throws Exception {
		StringBuilder items = new StringBuilder("item_no,description,base_uom,supplier_id,supplier_sku,safety_stock,"
				+ "reorder_point,list_price\n");
		StringBuilder prices = new StringBuilder("supplier_sku,upc,description,uom,pack_qty,unit_cost,currency,"
				+ "lead_time_days,moq,effective_date\n");
		StringBuilder dearer = new StringBuilder(prices);
		StringBuilder lookups = new StringBuilder();
		for (int i = 0; i < 1_000; i++) {
			String n = String.format("%06d", 900_000 + i);
			lookups.append("    <entries key=\"BC-").append(n).append("\" value=\"HS-").append(n).append("\"/>\n");
			items.append("HS-").append(n).append(",Bolt ").append(n).append(",EA,BOLTCO,BC-").append(n)
					.append(",1,2,9.99\n");
			String row = "BC-" + n + ",0400000" + n.substring(1) + ",Bolt " + n + ",EA,1,%s,USD,3,10,2026-12-01\n";
			prices.append(String.format(row, "5.00"));
			dearer.append(String.format(row, "5.50"));
		}
		// the analyst adds Bolt & Co's new SKUs to the mapping's cross-reference and publishes it
		String synmap = Files.readString(Path.of(System.getProperty("syncline.demo"), "mappings", "boltco-catalog.synmap"))
				.replace("  </lookups>", lookups + "  </lookups>");
		local.publishMapping("boltco-catalog", synmap.getBytes(StandardCharsets.UTF_8), "1,000 new SKUs");
		for (var submitted : List.of(
				local.submit("erp", null, "erp-items-more.csv", items.toString().getBytes(StandardCharsets.UTF_8)),
				local.submit("boltco", null, "boltco-wide.csv", prices.toString().getBytes(StandardCharsets.UTF_8)))) {
			assertEquals("APPLIED", submitted.status(), submitted.problems().toString());
		}
		var dearerResult = local.submit("boltco", null, "boltco-wide-2027.csv",
				dearer.toString().getBytes(StandardCharsets.UTF_8));
		assertEquals(1_000L, dearerResult.outcomes().get("PRICE_CHANGE_HELD"), dearerResult.outcomes().toString());
		choose(panel.filters().kind(), "PRICE_CHANGE");
		choose(panel.filters().partner(), "boltco");
		await(() -> panel.counts().getText().contains("PRICE_CHANGE 1000"), panel.counts().getText());
		panel.decision().select(0); // Accept
		answerTheReason("Bolt & Co 2027 list, +10 % across the board, approved");
		List<String> dryRun = new ArrayList<>();
		whenDialogOpens("Accept every filtered exception", review -> {
			TableItem first = Widgets.all(review, Table.class).get(0).getItem(0);
			dryRun.add(first.getText(0) + " " + first.getText(2));
			press(review, "&Accept");
		});
		press(panel, "&Decide all filtered…");
		await(() -> panel.outcome().getText().startsWith("Accept: 1000 DECIDED"), panel.outcome().getText());
		assertEquals(List.of("WOULD_DECIDE 1000"), dryRun, "the dry run said so first");
		assertTrue(local.exceptionCounts(ExceptionQuery.open().ofKind("PRICE_CHANGE").ofPartner("boltco")).isEmpty());
	}

	/** Types the reason into the next reason dialog and presses OK, once it is open. */
	private void answerTheReason(String reason) {
		whenDialogOpens(null, dialog -> {
			Widgets.type(Widgets.all(dialog, Text.class).get(0), reason);
			press(dialog, "OK");
		});
	}

	/**
	 * Acts on a dialog once one is open whose title starts with {@code title} (null: a reason dialog), checking
	 * every 50 ms from the UI thread: a dialog runs its own event loop, in which this runs.
	 */
	private void whenDialogOpens(String title, java.util.function.Consumer<Shell> action) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Runnable poll = new Runnable() {
			@Override
			public void run() {
				for (Shell candidate : display.getShells()) {
					String text = candidate.getText();
					boolean wanted = title == null ? text.endsWith(": reason") : text.startsWith(title);
					if (candidate != shell && candidate.isVisible() && wanted) {
						action.accept(candidate);
						return;
					}
				}
				if (System.nanoTime() < deadline) {
					display.timerExec(50, this);
				}
			}
		};
		display.timerExec(50, poll);
	}

	private static void press(org.eclipse.swt.widgets.Composite parent, String label) {
		String wanted = label.replace("&", "");
		Button button = Widgets.all(parent, Button.class).stream()
				.filter(b -> b.getText().replace("&", "").equals(wanted)).findFirst()
				.orElseThrow(() -> new AssertionError("no button " + label));
		button.notifyListeners(SWT.Selection, new Event());
	}

	private static String state(io.syncline.runtime.api.ExceptionDetail detail) {
		return detail == null ? null : detail.exception().state();
	}

	private void choose(Combo combo, String prefix) throws InterruptedException {
		await(() -> {
			for (int i = 0; i < combo.getItemCount(); i++) {
				if (combo.getItem(i).startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}, "the choice " + prefix + " is offered");
		for (int i = 0; i < combo.getItemCount(); i++) {
			if (combo.getItem(i).startsWith(prefix)) {
				combo.select(i);
				combo.notifyListeners(SWT.Selection, new Event());
				return;
			}
		}
	}

	private List<ExceptionSummary> rows() {
		Table table = panel.table();
		List<ExceptionSummary> rows = new ArrayList<>();
		for (int i = 0; i < table.getItemCount(); i++) {
			if (table.getItem(i).getData() instanceof ExceptionSummary row) {
				rows.add(row);
			}
		}
		return panel.reading() ? List.of() : rows;
	}

	private int indexOf(java.util.function.Predicate<ExceptionSummary> wanted) {
		List<ExceptionSummary> rows = rows();
		for (int i = 0; i < rows.size(); i++) {
			if (wanted.test(rows.get(i))) {
				return i;
			}
		}
		throw new AssertionError("no such row among " + rows);
	}

	private void select(int index) {
		panel.table().setSelection(index);
		panel.table().notifyListeners(SWT.Selection, new Event());
	}

	private void capture(String name) throws Exception {
		Widgets.capture(shell, name);
	}

	private void await(BooleanSupplier condition, String what) throws InterruptedException {
		await(condition, () -> what);
	}

	private void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
			throws InterruptedException {
		Widgets.await(display, condition, what);
	}
}
