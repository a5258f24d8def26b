package io.syncline.ui.views;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.syncline.ui.internal.connections.RuntimeSelection;

/**
 * A view that works on the active runtime and tenant: its content is made once the console's runtime selection
 * (an OSGi service from the moment the workbench has started) is there, and follows it from then on.
 */
public abstract class SelectionView extends ViewPart {

	private ServiceTracker<RuntimeSelection, RuntimeSelection> tracker;
	private Composite body;
	private Label waiting;
	private Control content;

	/** The view's content on the selection; called once, on the UI thread. */
	protected abstract Control createContent(Composite parent, RuntimeSelection selection);

	@Override
	public void createPartControl(Composite parent) {
		body = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(body);
		waiting = new Label(body, SWT.WRAP);
		waiting.setText(StatusView.NO_RUNTIME);
		GridDataFactory.fillDefaults().grab(true, false).indent(6, 6).applyTo(waiting);
		BundleContext context = FrameworkUtil.getBundle(SelectionView.class).getBundleContext();
		if (context == null) {
			return;
		}
		tracker = new ServiceTracker<>(context, RuntimeSelection.class, null) {
			@Override
			public RuntimeSelection addingService(ServiceReference<RuntimeSelection> reference) {
				RuntimeSelection selection = super.addingService(reference);
				if (!body.isDisposed()) {
					body.getDisplay().asyncExec(() -> show(selection));
				}
				return selection;
			}
		};
		tracker.open();
	}

	private void show(RuntimeSelection selection) {
		if (body.isDisposed() || content != null) {
			return;
		}
		waiting.dispose();
		content = createContent(body, selection);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(content);
		body.layout(true, true);
	}

	/** The content, once made; null before. */
	public Control content() {
		return content;
	}

	@Override
	public void setFocus() {
		if (content != null && !content.isDisposed()) {
			content.setFocus();
		} else {
			body.setFocus();
		}
	}

	@Override
	public void dispose() {
		if (tracker != null) {
			tracker.close();
		}
		super.dispose();
	}
}
