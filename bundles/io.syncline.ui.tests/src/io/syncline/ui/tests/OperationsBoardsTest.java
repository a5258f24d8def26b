package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;


import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.Decision;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.operations.AtpPanel;
import io.syncline.ui.internal.operations.AuditPanel;
import io.syncline.ui.internal.operations.SlaBoardPanel;

/**
 * The SLA board, ATP explain and the audit, driven through their widgets over the Harbor scenario: a one-second
 * rule on Acme's 855 breaches for a PO Acme never answers, and the board links the breach to its exception; ATP of
 * HS-100101 at ATL is explained change by change with each cause; the audit shows who decided what, and why. On
 * the local runtime, then on a remote one on loopback with a VIEWER's token (the same views, the same steps).
 */
class OperationsBoardsTest {

	@TempDir
	Path dir;

	private HarborConsole console;
	private LocalRuntime local;
	private Shell shell;
	private final List<String> traced = new ArrayList<>();
	private final List<Long> exceptionsOpened = new ArrayList<>();

	@BeforeEach
	void harbor() throws Exception {
		console = HarborConsole.open(dir,
				runtime -> runtime.setTenantRule("sla.acme.850.855", "PT1S", "a one-second SLA, to see a breach"));
		local = console.local;
		shell = console.shell;
		String secondPo = Files.readString(HarborConsole.demo().resolve("canonical/po-45001.xmi"))
				.replace("PO-45001", "PO-45002");
		local.submit("erp", null, "po-45002.xmi", secondPo.getBytes(StandardCharsets.UTF_8));
		local.operations().checkSlaClocks();
		Thread.sleep(1_200);
		local.operations().checkSlaClocks();
	}

	@AfterEach
	void close() throws Exception {
		console.close();
	}

	@Test
	void onTheLocalRuntime() throws Exception {
		slaBreachAtpCausesAndTheAudit(console.localSelection(), Connection.local());
	}

	@Test
	void onARemoteRuntimeOnLoopbackWithAViewersToken() throws Exception {
		slaBreachAtpCausesAndTheAudit(console.selection(false), console.remote(Role.VIEWER));
	}

	private void slaBreachAtpCausesAndTheAudit(RuntimeSelection selection, Connection connection) throws Exception {
		CTabFolder tabs = new CTabFolder(shell, SWT.BORDER);
		SlaBoardPanel sla = new SlaBoardPanel(tabs, selection, traced::add, exceptionsOpened::add);
		AtpPanel atp = new AtpPanel(tabs, selection, traced::add);
		AuditPanel audit = new AuditPanel(tabs, selection);
		for (var panel : List.of(sla, atp, audit)) {
			new CTabItem(tabs, SWT.NONE).setControl(panel);
		}
		tabs.setSelection(0);
		console.show(1260, 800);
		selection.use(connection, null);

		Table clocks = sla.clocks();
		await(() -> clocks.getItemCount() > 0, () -> "the breached clocks are listed: " + sla.summary().getText());
		TableItem breach = row(clocks, 2, "PO-45002");
		assertEquals("Breached", breach.getText(3));
		assertEquals("850 → 855", breach.getText(1));
		assertTrue(breach.getText(9).startsWith("#"), "linked to its exception: " + breach.getText(9));
		long exceptionId = Long.parseLong(breach.getText(9).substring(1));
		assertEquals("SLA_BREACH", local.exception(exceptionId).exception().kind());
		assertTrue(sla.summary().getText().contains("acme 850 → 855"), sla.summary().getText());
		clocks.setSelection(clocks.indexOf(breach));
		clocks.notifyListeners(SWT.DefaultSelection, new Event());
		assertEquals(List.of(exceptionId), exceptionsOpened, "Enter on a breach opens its exception");

		tabs.setSelection(1);
		atp.explain("HS-100101", "ATL");
		Table changes = atp.changes();
		await(() -> changes.getItemCount() > 0, () -> "ATP changes: " + atp.summary().getText());
		List<String> causes = new ArrayList<>();
		for (TableItem item : changes.getItems()) {
			causes.add(item.getText(1));
			assertTrue(!item.getText(2).isEmpty() || item.getText(1).equals("RULE"), "each change names its cause");
		}
		assertTrue(causes.contains("EVENT") && causes.contains("ORDER"), "the WMS receipt and the order: " + causes);
		TableItem last = changes.getItem(changes.getItemCount() - 1);
		assertTrue(atp.summary().getText().contains(": " + last.getText(6) + ","),
				"the running total ends at ATP now: " + atp.summary().getText() + " / " + last.getText(6));
		changes.setSelection(changes.getItemCount() - 1);
		changes.notifyListeners(SWT.DefaultSelection, new Event());
		assertEquals(List.of(last.getText(2)), traced, "Enter opens the trace of the cause");

		long priceChange = local.exceptions(ExceptionQuery.open().ofKind("PRICE_CHANGE")).items().get(0).id();
		local.decide(priceChange, Decision.REJECT, "Acme keeps the PO price for 2026");
		tabs.setSelection(2);
		Widgets.type(audit.subject(), "exception/");
		audit.subject().notifyListeners(SWT.DefaultSelection, new Event());
		Table entries = audit.entries();
		await(() -> entries.getItemCount() > 0 && entries.getItem(0).getData() != null, () -> audit.summary().getText());
		TableItem newest = entries.getItem(0);
		assertEquals("exception/" + priceChange, newest.getText(3));
		assertEquals(local.principal().user(), newest.getText(1));
		assertTrue(newest.getText(4).contains("keeps the PO price"), newest.getText(4));
		for (int i = 0; i < entries.getItemCount(); i++) {
			if (entries.getItem(i).getData() != null) {
				assertTrue(entries.getItem(i).getText(3).startsWith("exception/"), entries.getItem(i).getText(3));
			}
		}
	}

	private static TableItem row(Table table, int column, String text) {
		for (TableItem item : table.getItems()) {
			if (item.getText(column).equals(text)) {
				return item;
			}
		}
		throw new AssertionError("no row with " + text);
	}

	private void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
			throws InterruptedException {
		Widgets.await(console.display, condition, what);
	}
}
