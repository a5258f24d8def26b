package io.syncline.ui.views;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.widgets.Composite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.syncline.ui.internal.connections.ConnectionsPanel;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.runtime.ConsoleRuntime;

/**
 * The Runtimes view: how the local runtime stands, and the Connections list (the local runtime and remote ones:
 * add, edit, remove, test, use) once the console's runtime selection is there.
 */
public final class RuntimesView extends StatusView {

	private ServiceTracker<RuntimeSelection, RuntimeSelection> selections;
	private ConnectionsPanel connections;

	@Override
	protected String heading() {
		return "Runtimes";
	}

	@Override
	protected String statusMessage() {
		return "No runtime connected. The local runtime runs inside the console; remote runtimes are reached over HTTPS.";
	}

	@Override
	protected String messageFor(ConsoleRuntime.Status status) {
		return status.message();
	}

	@Override
	protected void createContent(Composite body) {
		BundleContext context = FrameworkUtil.getBundle(RuntimesView.class).getBundleContext();
		if (context == null) {
			return;
		}
		selections = new ServiceTracker<>(context, RuntimeSelection.class, null) {
			@Override
			public RuntimeSelection addingService(ServiceReference<RuntimeSelection> reference) {
				RuntimeSelection selection = super.addingService(reference);
				if (!body.isDisposed()) {
					body.getDisplay().asyncExec(() -> show(body, selection));
				}
				return selection;
			}
		};
		selections.open();
	}

	private void show(Composite body, RuntimeSelection selection) {
		if (body.isDisposed() || connections != null) {
			return;
		}
		connections = new ConnectionsPanel(body, selection);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(connections);
		body.layout(true, true);
	}

	@Override
	public void dispose() {
		if (selections != null) {
			selections.close();
		}
		super.dispose();
	}
}
