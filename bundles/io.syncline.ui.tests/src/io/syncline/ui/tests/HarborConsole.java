package io.syncline.ui.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import io.syncline.runtime.api.Role;
import io.syncline.runtime.local.DemoTenant;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.store.Store;
import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.ConnectionStore;
import io.syncline.ui.internal.connections.RuntimeSelection;

/**
 * What every Operations view test starts from: the Harbor demo tenant on a local runtime over an H2 file, a shell on
 * the display, connection preferences of the test's own and secure storage in its directory; on demand, the same
 * runtime served over loopback with a remote connection to it. Closing it closes everything it made.
 */
final class HarborConsole implements AutoCloseable {

	final Store store;
	final LocalRuntime local;
	final Display display;
	final Shell shell;
	private final Path dir;
	private final Preferences preferences;
	private RuntimeSelection selection;
	private ConnectionStore connections;
	private RuntimeServer server;

	private HarborConsole(Path dir, Consumer<LocalRuntime> beforeTheDemo) throws Exception {
		this.dir = dir;
		Path demo = demo();
		store = Store.openH2(dir.resolve("db"));
		local = LocalRuntime.over(store, LocalSettings.harbor(dir.resolve("data"), demo.resolve("mappings")));
		beforeTheDemo.accept(local);
		DemoTenant.loadIfEmpty(local, demo);
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		preferences = InstanceScope.INSTANCE.getNode("io.syncline.ui.tests." + UUID.randomUUID());
	}

	/** The console over the demo tenant. */
	static HarborConsole open(Path dir) throws Exception {
		return new HarborConsole(dir, runtime -> {
		});
	}

	/** The console over the demo tenant, with what a test needs done before the demo loads (a rule, say). */
	static HarborConsole open(Path dir, Consumer<LocalRuntime> beforeTheDemo) throws Exception {
		return new HarborConsole(dir, beforeTheDemo);
	}

	static Path demo() {
		return Path.of(System.getProperty("syncline.demo"));
	}

	/** The views' runtime selection, which can choose the local runtime. */
	RuntimeSelection localSelection() throws Exception {
		return selection(true);
	}

	/** A runtime selection, with the local runtime running in the console or not (a support desk's remote-only one). */
	RuntimeSelection selection(boolean localRuns) throws Exception {
		if (selection == null) {
			selection = new RuntimeSelection(connections(), localRuns ? () -> local : () -> null);
		}
		return selection;
	}

	ConnectionStore connections() throws Exception {
		if (connections == null) {
			connections = new ConnectionStore(preferences, Widgets.secureStorage(dir).node("io.syncline/connections"));
		}
		return connections;
	}

	/** Serves the local runtime on a loopback port and saves a connection to it with a token of this role. */
	Connection remote(Role role) throws Exception {
		if (server == null) {
			server = RuntimeServer.start(ServerSettings.loopback(0), local, "9.9.9-test");
		}
		String token = local.accessTokens().create("harbor", "support", role, Duration.ofHours(1)).secret();
		return connections().save(new Connection(null, "Harbor ops", server.url(), null), token);
	}

	/** Stops the server {@link #remote} started, as a runtime going away would. */
	void stopServer() {
		server.close();
		server = null;
	}

	/** Opens the shell at a size inside Xvfb's screen (a larger one cuts the screenshot). */
	void show(int width, int height) {
		shell.setSize(width, height);
		shell.open();
	}

	@Override
	public void close() throws BackingStoreException {
		shell.dispose();
		if (selection != null) {
			selection.close();
		}
		if (server != null) {
			server.close();
		}
		local.close();
		store.close();
		preferences.removeNode();
	}
}
