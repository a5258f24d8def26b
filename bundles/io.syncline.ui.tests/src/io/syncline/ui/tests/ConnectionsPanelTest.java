package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;


import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.prefs.Preferences;

import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.runtime.local.Workers;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.store.Store;
import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.ConnectionStore;
import io.syncline.ui.internal.connections.ConnectionsPanel;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.RuntimeSwitcher;

/**
 * The Connections view against a real runtime server on loopback, driven through its real SWT widgets: add a
 * connection in the dialog (its token goes to secure storage, encrypted), test it, use it, switch tenant in the
 * toolbar, stop the server and see the view say so, the UI thread dispatching events all the while.
 */
class ConnectionsPanelTest {

	@TempDir
	Path dir;

	private Store store;
	private LocalRuntime served;
	private RuntimeServer server;
	private String token;
	private Display display;
	private Shell shell;
	private Preferences preferences;
	private ISecurePreferences secure;
	private RuntimeSelection selection;

	@BeforeEach
	void serve() throws Exception {
		store = Store.openH2(dir.resolve("db"));
		served = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("data"),
				Path.of(System.getProperty("syncline.demo"), "mappings")));
		served.createTenant(new NewTenant("northstar", "Northstar Industrial", "harbor", null, "second customer"));
		token = served.accessTokens().create("*", "support", Role.OPERATOR, Duration.ofHours(1)).secret();
		server = RuntimeServer.start(ServerSettings.loopback(0), served, "9.9.9-test");
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new GridLayout());
		preferences = InstanceScope.INSTANCE.getNode("io.syncline.ui.tests.connections." + UUID.randomUUID());
		secure = Widgets.secureStorage(dir);
		selection = new RuntimeSelection(new ConnectionStore(preferences, secure.node("io.syncline/connections")),
				() -> null);
	}

	@AfterEach
	void stop() throws Exception {
		selection.close();
		shell.dispose();
		server.close();
		served.close();
		store.close();
		preferences.removeNode();
	}

	@Test
	void addTestUseSwitchTenantAndSeeADeadRuntimeWithoutAFrozenWindow() throws Exception {
		RuntimeSwitcher switcher = new RuntimeSwitcher(shell, selection);
		ConnectionsPanel panel = new ConnectionsPanel(shell, selection);
		shell.setSize(1200, 600);
		shell.open();
		Table table = panel.viewer().getTable();
		assertEquals(1, table.getItemCount(), "the local runtime is always listed");

		display.asyncExec(() -> fillTheDialog(server.url()));
		press(panel, "&Add…");
		await(() -> table.getItemCount() == 2, "the new connection is listed");
		assertEquals("Acme ops", table.getItem(1).getText(0));
		Connection saved = selection.store().all().get(1);
		assertEquals(token, selection.store().token(saved.id()), "the token is kept");
		assertFalse(new String(Files.readAllBytes(dir.resolve("secure_storage"))).contains(token.substring(4)),
				"but never in plain text");

		table.setSelection(1);
		press(panel, "&Test");
		await(() -> "Up".equals(table.getItem(1).getText(3)), "the test finds it up: " + panel.outcome().getText());
		assertEquals(served.status().version(), table.getItem(1).getText(4), "the runtime's version");
		assertEquals("2", table.getItem(1).getText(6), "a token of every tenant sees both");

		press(panel, "U&se");
		await(() -> panel.active().getText().contains("tenant harbor"), "the active runtime: " + panel.active().getText());
		await(() -> switcher.tenants().getItemCount() == 2, "the toolbar lists the tenants");
		assertTrue(switcher.tenants().getText().contains("(harbor)"), "the active tenant by its name and id: "
				+ switcher.tenants().getText());
		// typed, as with many tenants: part of the name, then Enter
		switcher.tenants().setText("north");
		switcher.tenants().notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
		await(() -> panel.active().getText().contains("tenant northstar"), "switched: " + panel.active().getText());
		assertEquals("northstar", selection.active().runtime().tenantId());
		assertTrue(selection.active().runtime().journal(io.syncline.runtime.api.JournalQuery.all()).items().isEmpty());
		assertEquals("northstar", new ConnectionStore(preferences, secure.node("io.syncline/connections")).active()
				.tenant(), "the choice is remembered for the next start");

		server.close();
		AtomicInteger ticks = new AtomicInteger();
		Runnable tick = new Runnable() {
			@Override
			public void run() {
				ticks.incrementAndGet();
				if (!shell.isDisposed()) {
					display.timerExec(20, this);
				}
			}
		};
		display.timerExec(20, tick);
		table.setSelection(1);
		press(panel, "&Test");
		await(() -> "Unreachable".equals(table.getItem(1).getText(3)), "a dead runtime says so");
		display.timerExec(-1, tick);
		assertTrue(table.getItem(1).getText(10).contains("cannot reach"), table.getItem(1).getText(10));
		assertTrue(ticks.get() > 0, "the UI thread kept dispatching while the runtime was tested");
		assertTrue(panel.outcome().getText().contains("cannot reach"), panel.outcome().getText());
	}

	@Test
	void aRuntimeWithAStuckWorkerNamesItInItsState() throws Exception {
		Workers.Worker inbox = served.workers().register("inbox", Duration.ofMillis(100));
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch begun = new CountDownLatch(1);
		Thread held = new Thread(() -> {
			try (Workers.Unit unit = inbox.begin("harbor", "harbor/bigbox: 1 file(s) from order-1.edi")) {
				begun.countDown();
				release.await(30, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "held-inbox-lane");
		held.start();
		try {
			assertTrue(begun.await(5, TimeUnit.SECONDS));
			Thread.sleep(200);
			served.workers().check(); // what the runtime's watch does every second
			ConnectionsPanel panel = addedAndTested();
			Table table = panel.viewer().getTable();
			assertEquals("Up, stuck: inbox", table.getItem(1).getText(3));
			org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
			try {
				assertTrue(gc.textExtent("Up, stuck: inbox").x < table.getColumn(3).getWidth(),
						"the state is not cut: column " + table.getColumn(3).getWidth() + " px");
			} finally {
				gc.dispose();
			}

			release.countDown();
			held.join(5_000);
			press(panel, "&Test");
			await(() -> "Up".equals(table.getItem(1).getText(3)), "once the unit ended, just up");
		} finally {
			release.countDown();
		}
	}

	@Test
	void aRuntimeTellsWhatItsLastPurgeRemoved() throws Exception {
		served.submit("wms", null, "delta.jsonl", ("{\"eventId\": \"p-1\", \"type\": \"ADJUSTMENT\", \"item\": "
				+ "\"HS-100101\", \"warehouse\": \"ATL\", \"qty\": 5, \"uom\": \"EA\", \"at\": "
				+ "\"2026-11-26T09:00:00Z\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		ConnectionsPanel panel = addedAndTested();
		Table table = panel.viewer().getTable();
		assertEquals("none yet (journal kept P400D)", table.getItem(1).getText(9));

		// a year and a half later, as the served runtime's retention worker would purge
		served.operations().purge(java.time.OffsetDateTime.now().plusDays(500));
		press(panel, "&Test");
		await(() -> table.getItem(1).getText(9).endsWith(" removed"), "the last purge: " + table.getItem(1).getText(9));
		assertTrue(table.getItem(1).getText(9).matches("[A-Z][a-z]{2} \\d{1,2} \\d\\d:\\d\\d: [1-9][\\d,]* removed"),
				table.getItem(1).getText(9));
		int right = 0;
		for (int column = 0; column <= 9; column++) {
			right += table.getColumn(column).getWidth();
		}
		assertTrue(right <= table.getClientArea().width, "at 1280x800 every column up to Last purge is in view: "
				+ right + " of " + table.getClientArea().width + " px");
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
		try {
			String widest = "Sep 30 23:59: 999.9k removed";
			assertTrue(gc.textExtent(widest).x < table.getColumn(9).getWidth(), "a large purge's line fits its column");
		} finally {
			gc.dispose();
		}
	}

	/** The panel at 1280x800 with the served runtime added through its dialog and tested: up. */
	private ConnectionsPanel addedAndTested() throws Exception {
		ConnectionsPanel panel = new ConnectionsPanel(shell, selection);
		shell.setSize(1280, 800);
		shell.open();
		Table table = panel.viewer().getTable();
		display.asyncExec(() -> fillTheDialog(server.url()));
		press(panel, "&Add…");
		await(() -> table.getItemCount() == 2, "the new connection is listed");
		table.setSelection(1);
		press(panel, "&Test");
		await(() -> table.getItem(1).getText(3).startsWith("Up"), "the test finds it up");
		return panel;
	}

	private void fillTheDialog(String url) {
		Shell dialog = null;
		for (Shell candidate : display.getShells()) {
			if (candidate != shell && candidate.isVisible()) {
				dialog = candidate;
			}
		}
		assertNotNull(dialog, "the dialog is open");
		Widgets.type(Widgets.textAfterLabel(dialog, "&Name:"), "Acme ops");
		Widgets.type(Widgets.textAfterLabel(dialog, "&URL:"), url);
		Widgets.type(Widgets.textAfterLabel(dialog, "&Token:"), token);
		Button ok = Widgets.all(dialog, Button.class).stream().filter(b -> b.getText().replace("&", "").equals("OK"))
				.findFirst().orElseThrow();
		assertTrue(ok.isEnabled(), "OK once name, URL and token are given");
		ok.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	private static void press(ConnectionsPanel panel, String text) {
		Button button = Widgets.all(panel, Button.class).stream().filter(b -> b.getText().equals(text)).findFirst()
				.orElseThrow(() -> new AssertionError("no button " + text));
		button.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	private void await(BooleanSupplier condition, String what) throws InterruptedException {
		Widgets.await(display, condition, () -> what);
	}
}
