package io.syncline.ui.views;

import java.util.function.Consumer;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.syncline.ui.internal.runtime.ConsoleRuntime;

/**
 * A view that shows its title and the state of its data source until it has live content. A view that depends on
 * the runtime follows the console's runtime ({@link ConsoleRuntime}, an OSGi service from the moment the workbench
 * has started) and says what it is doing; its messages arrive on any thread and are shown on the UI thread.
 */
public abstract class StatusView extends ViewPart {

	/** Shown by views that need a runtime until one is connected. */
	public static final String NO_RUNTIME = "No runtime connected. Connect to the local runtime or a remote one in the Runtimes perspective.";

	private StatusPanel panel;
	private ServiceTracker<ConsoleRuntime, ConsoleRuntime> tracker;
	private final Consumer<ConsoleRuntime.Status> listener = this::runtimeChanged;

	protected abstract String heading();

	protected abstract String statusMessage();

	/** What to show for a state of the console's runtime; null leaves the message as it is. */
	protected String messageFor(ConsoleRuntime.Status status) {
		return null;
	}

	/** Content below the status panel, once a view has some; none by default. */
	protected void createContent(Composite body) {
	}

	@Override
	public void createPartControl(Composite parent) {
		Composite body = new Composite(parent, org.eclipse.swt.SWT.NONE);
		org.eclipse.jface.layout.GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(body);
		panel = new StatusPanel(body, heading(), statusMessage());
		org.eclipse.jface.layout.GridDataFactory.fillDefaults().grab(true, false).applyTo(panel);
		createContent(body);
		BundleContext context = FrameworkUtil.getBundle(StatusView.class).getBundleContext();
		if (context != null) {
			tracker = new ServiceTracker<>(context, ConsoleRuntime.class, null) {
				@Override
				public ConsoleRuntime addingService(ServiceReference<ConsoleRuntime> reference) {
					ConsoleRuntime runtime = super.addingService(reference);
					runtime.addListener(listener);
					return runtime;
				}

				@Override
				public void removedService(ServiceReference<ConsoleRuntime> reference, ConsoleRuntime runtime) {
					runtime.removeListener(listener);
					super.removedService(reference, runtime);
				}
			};
			tracker.open();
		}
	}

	private void runtimeChanged(ConsoleRuntime.Status status) {
		String message = messageFor(status);
		if (message == null || panel == null || panel.isDisposed()) {
			return;
		}
		Display display = panel.getDisplay();
		display.asyncExec(() -> {
			if (!panel.isDisposed()) {
				panel.message().setText(message);
				panel.layout(true, true);
			}
		});
	}

	public StatusPanel panel() {
		return panel;
	}

	@Override
	public void setFocus() {
		panel.setFocus();
	}

	@Override
	public void dispose() {
		if (tracker != null) {
			tracker.close();
		}
		super.dispose();
	}
}
