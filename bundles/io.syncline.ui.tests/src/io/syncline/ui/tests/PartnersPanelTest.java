package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.EndpointConfig;
import io.syncline.runtime.api.Role;
import io.syncline.testing.LoopbackSftpServer;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.partners.PartnersPanel;

/**
 * The Partners view on real widgets: an analyst adds Acme's SFTP endpoint in the dialog (the password typed once),
 * tests it against MINA's SFTP server on loopback, sees it fail in words when the server is down; a support
 * engineer with a VIEWER token on a remote runtime sees the same endpoints and cannot change them.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
@org.junit.jupiter.api.extension.ExtendWith(io.syncline.testing.SecretsKeyForTests.class)
class PartnersPanelTest {

	private static final String PASSWORD = "pw-for-acme-9931";

	@TempDir
	Path dir;

	private HarborConsole console;
	private LoopbackSftpServer server;


	@BeforeEach
	void open() throws Exception {
		console = HarborConsole.open(dir);
		server = new LoopbackSftpServer(dir.resolve("acme-sftp"), dir.resolve("acme.key"), "harbor", PASSWORD);
		Files.createDirectories(server.root().resolve("outgoing"));
		Files.writeString(server.root().resolve("outgoing/acme-832.edi"), "ISA*waiting");
	}

	@AfterEach
	void close() throws Exception {
		server.close();
		console.close();
	}

	private void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
		Widgets.await(console.display, condition, what);
	}

	@Test
	void anAnalystAddsTestsAndWatchesAnSftpEndpoint() throws Exception {
		RuntimeSelection selection = console.localSelection();
		PartnersPanel panel = new PartnersPanel(console.shell, selection);
		console.show(1280, 800);
		selection.use(Connection.local(), null);
		Tree tree = panel.tree();
		await(() -> item(tree, "Acme Fasteners") != null, () -> "the partners are read: " + panel.summary().getText());
		select(tree, item(tree, "Acme Fasteners"));
		assertTrue(panel.addButton().isEnabled(), "the local user may change endpoints");

		whenDialogOpens("Add an endpoint", dialog -> {
			Widgets.type(text(dialog, "Endpoint id"), "acme-sftp-in");
			StringBuilder settings = new StringBuilder();
			server.settings("harbor", "/outgoing").forEach((k, v) -> settings.append(k).append('=').append(v).append('\n'));
			Widgets.type(text(dialog, "Settings, name=value, one a line"), settings.toString());
			Combo secretName = Widgets.all(dialog, Combo.class).stream()
					.filter(c -> "password".equals(c.getText())).findFirst().orElseThrow();
			assertEquals("password", secretName.getText(), "the kind's first secret is offered");
			Widgets.type(text(dialog, "Secret value 1"), PASSWORD);
			Widgets.type(text(dialog, "Reason, for the audit"), "Acme moves to SFTP");
			press(dialog, "Add");
		});
		press(panel, "Add endpoint…");
		await(() -> item(tree, "acme-sftp-in") != null, () -> "the endpoint is listed: " + panel.outcome().getText());
		TreeItem endpoint = item(tree, "acme-sftp-in");
		assertEquals("sftp", endpoint.getText(1));
		assertEquals("in", endpoint.getText(2));
		assertEquals("NEW", endpoint.getText(3));
		assertTrue(endpoint.getText(7).contains("secrets: password"), endpoint.getText(7));
		EndpointConfig saved = console.local.endpoints().get(0);
		assertEquals(List.of("password"), saved.secrets());

		select(tree, endpoint);
		press(panel, "Test connection");
		await(() -> panel.outcome().getText().startsWith("Works:"), () -> panel.outcome().getText());
		assertTrue(panel.outcome().getText().contains("1 file(s) to take"), panel.outcome().getText());
		await(() -> "OK".equals(item(tree, "acme-sftp-in").getText(3)), () -> "the test is the endpoint's health");
		assertTrue(Files.exists(server.root().resolve("outgoing/acme-832.edi")), "a test takes nothing");

		server.close();
		select(tree, item(tree, "acme-sftp-in"));
		tree.notifyListeners(SWT.KeyDown, ctrlT());
		await(() -> panel.outcome().getText().startsWith("Fails:"), () -> panel.outcome().getText());
		await(() -> "FAILING".equals(item(tree, "acme-sftp-in").getText(3)), () -> "a failed test shows failing");
		assertTrue(item(tree, "acme-sftp-in").getText(7).contains("connection refused"),
				item(tree, "acme-sftp-in").getText(7));
		assertTrue(item(tree, "Acme Fasteners").getText(3).equals("1 failing"));
		for (String cell : cells(tree)) {
			assertFalse(cell.contains(PASSWORD), "a secret is never shown: " + cell);
		}
		await(() -> !panel.summary().getText().startsWith("Reading") && "FAILING".equals(item(tree, "acme-sftp-in")
				.getText(3)), () -> "settled before the screenshot: " + panel.summary().getText());
		console.shell.redraw(0, 0, 1280, 800, true); // GTK paints what changed lazily; the picture must be current
		console.shell.update();
		Thread.sleep(200);
		Widgets.flush(console.display);
		Widgets.capture(console.shell, "partners.png");
	}

	@Test
	void aViewerOnARemoteRuntimeSeesTheEndpointsAndCannotChangeThem() throws Exception {
		console.local.saveEndpoint(EndpointConfig.of("acme-sftp-in", "acme", "in", "sftp",
				server.settings("harbor", "/outgoing"), 60), Map.of("password", PASSWORD), "Acme moves to SFTP");
		RuntimeSelection selection = console.selection(false);
		PartnersPanel panel = new PartnersPanel(console.shell, selection);
		console.show(1280, 800);
		selection.use(console.remote(Role.VIEWER), null);
		Tree tree = panel.tree();
		await(() -> item(tree, "acme-sftp-in") != null, () -> "read through the remote runtime: "
				+ panel.summary().getText());
		select(tree, item(tree, "acme-sftp-in"));
		assertFalse(panel.addButton().isEnabled());
		assertFalse(panel.testButton().isEnabled(), "testing needs OPERATOR");
		assertTrue(panel.summary().getText().contains("you are VIEWER"), panel.summary().getText());
	}

	private static Event ctrlT() {
		Event event = new Event();
		event.keyCode = 't';
		event.stateMask = SWT.MOD1;
		return event;
	}

	private static void select(Tree tree, TreeItem item) {
		tree.setSelection(item);
		tree.notifyListeners(SWT.Selection, new Event());
	}

	private static TreeItem item(Tree tree, String startsWith) {
		for (TreeItem top : tree.getItems()) {
			if (top.getText(0).startsWith(startsWith)) {
				return top;
			}
			for (TreeItem child : top.getItems()) {
				if (child.getText(0).startsWith(startsWith)) {
					return child;
				}
			}
		}
		return null;
	}

	private static List<String> cells(Tree tree) {
		List<String> cells = new ArrayList<>();
		for (TreeItem top : tree.getItems()) {
			for (TreeItem item : concat(top)) {
				for (int column = 0; column < tree.getColumnCount(); column++) {
					cells.add(item.getText(column));
				}
			}
		}
		return cells;
	}

	private static List<TreeItem> concat(TreeItem top) {
		List<TreeItem> items = new ArrayList<>(List.of(top));
		items.addAll(List.of(top.getItems()));
		return items;
	}

	private static Text text(Shell dialog, String accessibleName) {
		return Widgets.all(dialog, Text.class).stream()
				.filter(t -> accessibleName.equals(t.getData(AccessibleNames.KEY))).findFirst()
				.orElseThrow(() -> new AssertionError("no field " + accessibleName));
	}

	private void whenDialogOpens(String title, java.util.function.Consumer<Shell> action) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Runnable poll = new Runnable() {
			@Override
			public void run() {
				for (Shell candidate : console.display.getShells()) {
					if (candidate != console.shell && candidate.isVisible() && candidate.getText().startsWith(title)) {
						action.accept(candidate);
						return;
					}
				}
				if (System.nanoTime() < deadline) {
					console.display.timerExec(50, this);
				}
			}
		};
		console.display.timerExec(50, poll);
	}

	private static void press(Composite parent, String label) {
		String wanted = label.replace("&", "");
		Button button = Widgets.all(parent, Button.class).stream()
				.filter(b -> b.getText().replace("&", "").equals(wanted)).findFirst()
				.orElseThrow(() -> new AssertionError("no button " + label));
		button.notifyListeners(SWT.Selection, new Event());
	}
}
