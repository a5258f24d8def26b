package io.syncline.ui.mapping.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.mapping.editor.MappingEditors;

/** File › New Mapping…: the new-mapping wizard. */
public final class NewMappingHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		BundleContext context = FrameworkUtil.getBundle(NewMappingHandler.class).getBundleContext();
		ServiceReference<RuntimeSelection> reference = context.getServiceReference(RuntimeSelection.class);
		MappingEditors.newMapping(window.getShell(), window.getActivePage(),
				reference == null ? null : context.getService(reference));
		return null;
	}
}
