package io.syncline.ui.mapping.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.EditorPart;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.mapping.internal.MappingDocument;
import io.syncline.ui.mapping.internal.editor.MappingEditorPane;
import io.syncline.ui.mapping.internal.editor.Publishing;
import io.syncline.ui.mapping.internal.editor.VersionsDialog;

/**
 * The mapping editor in the workbench: a {@link MappingEditorPane} on a draft or, read-only, on a published
 * version. Undo and redo (Edit menu, Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) run the document's command stack; Save writes the
 * draft aside and renames it into place; Publish… and Versions… work against the active runtime, local or remote.
 */
public final class MappingEditor extends EditorPart {

	public static final String ID = "io.syncline.ui.mapping.editor";
	private static final String CONTEXT = "io.syncline.ui.mapping.editorContext";

	private MappingDocument document;
	private MappingEditorPane pane;
	private final CommandStackListener dirty = event -> getSite().getShell().getDisplay().asyncExec(() -> {
		if (pane != null && !pane.control().isDisposed()) {
			firePropertyChange(PROP_DIRTY);
			updateUndo();
		}
	});
	private final Action undo = new Action("&Undo") {
		@Override
		public void run() {
			pane.undo();
		}
	};
	private final Action redo = new Action("&Redo") {
		@Override
		public void run() {
			pane.redo();
		}
	};
	private final Action delete = new Action("&Delete rule") {
		@Override
		public void run() {
			pane.deleteSelected();
		}
	};

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof MappingEditorInput mappingInput)) {
			throw new PartInitException("The mapping editor opens mappings, not " + input.getName());
		}
		setSite(site);
		setInput(input);
		setPartName(input.getName());
		setTitleToolTip(input.getToolTipText());
		try {
			// a draft is a small local file, read as any editor reads what it opens
			document = mappingInput.draft() != null ? MappingDocument.open(mappingInput.draft())
					: MappingDocument.readOnly(mappingInput.mappingName(), mappingInput.publishedXmi());
		} catch (IOException unreadable) {
			throw new PartInitException(unreadable.getMessage(), unreadable);
		}
		document.commands().addCommandStackListener(dirty);
	}

	@Override
	public void createPartControl(Composite parent) {
		pane = new MappingEditorPane(parent, document);
		pane.setStandaloneKeys(false);
		pane.setSampleChooser(() -> {
			FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
			dialog.setText("Choose a sample of " + document.mapping().getName() + "'s source");
			String chosen = dialog.open();
			if (chosen != null) {
				MappingEditors.settings().put(MappingEditors.sampleKey(document.mapping().getName()), chosen);
			}
			return chosen == null ? null : Path.of(chosen);
		});
		String remembered = MappingEditors.settings().get(MappingEditors.sampleKey(document.mapping().getName()));
		if (remembered != null && document.mapping().getSourceSchema() != null) {
			pane.previewSample(Path.of(remembered)); // the preview says so if the file is gone
		}
		Publishing publishing = selection() == null ? null : new Publishing(selection());
		if (!document.isReadOnly()) {
			Button publish = pane.addAction("Publish…", "Publish this mapping to the active runtime", () -> publish(
					publishing));
			String why = publishing == null ? "No runtime selection" : publishing.whyNot();
			publish.setEnabled(why == null);
			publish.setToolTipText(why == null ? "Publish this mapping to the active runtime" : why);
		} else {
			pane.addAction("Open as draft", "Open this version as a new local draft", this::openAsDraft);
		}
		pane.addAction("Versions…", "The published versions of this mapping, to read or compare", () -> VersionsDialog.open(
				parent.getShell(), selection(), document.mapping().getName()));
		IActionBars bars = getEditorSite().getActionBars();
		bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
		bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
		deleteWhileFocusIn(pane.parts().rules().getControl(), bars);
		deleteWhileFocusIn(pane.parts().source().getControl(), bars);
		deleteWhileFocusIn(pane.parts().target().getControl(), bars);
		updateUndo();
		IContextService contexts = getSite().getService(IContextService.class);
		if (contexts != null) {
			contexts.activateContext(CONTEXT);
		}
	}

	/** Delete deletes a rule only where text is not being typed. */
	private void deleteWhileFocusIn(Control control, IActionBars bars) {
		Listener in = event -> {
			bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
			bars.updateActionBars();
		};
		Listener out = event -> {
			bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), null);
			bars.updateActionBars();
		};
		control.addListener(SWT.FocusIn, in);
		control.addListener(SWT.FocusOut, out);
	}

	private void updateUndo() {
		undo.setEnabled(document.commands().canUndo());
		redo.setEnabled(document.commands().canRedo());
		var undoCommand = document.commands().getUndoCommand();
		undo.setText(undoCommand == null ? "&Undo" : "&Undo " + undoCommand.getLabel());
	}

	private void publish(Publishing publishing) {
		if (publishing == null) {
			return;
		}
		if (document.isDirty()) {
			doSave(null);
		}
		InputDialog comment = new InputDialog(getSite().getShell(), "Publish " + document.mapping().getName(),
				"What changed (kept with the version):", "", null);
		if (comment.open() != Window.OK) {
			return;
		}
		pane.tell("Publishing…");
		publishing.publish(pane, comment.getValue(), made -> pane.tell("Published " + made.mappingName() + " v"
				+ made.version() + " to " + selection().active().connection().name()), (List<
						io.syncline.mapping.MappingProblem> refused) -> {
					pane.showRefusal(refused);
					pane.tell("Not published: " + refused.get(0).message());
				});
	}

	private void openAsDraft() {
		try {
			Path made = new io.syncline.ui.mapping.internal.MappingDrafts(
					io.syncline.ui.mapping.preferences.MappingPreferences.draftsFolder()).add(
					document.mapping().getName(), document.serialize());
			getSite().getPage().openEditor(MappingEditorInput.draft(made), ID);
		} catch (IOException | PartInitException e) {
			MessageDialog.openError(getSite().getShell(), "Open as draft", e.getMessage());
		}
	}

	private RuntimeSelection selection() {
		BundleContext context = FrameworkUtil.getBundle(MappingEditor.class).getBundleContext();
		ServiceReference<RuntimeSelection> reference = context == null ? null
				: context.getServiceReference(RuntimeSelection.class);
		return reference == null ? null : context.getService(reference);
	}

	public MappingEditorPane pane() {
		return pane;
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		try {
			document.save();
			firePropertyChange(PROP_DIRTY);
			pane.tell("Saved " + document.file());
		} catch (IOException e) {
			MessageDialog.openError(getSite().getShell(), "Save " + document.mapping().getName(), e.getMessage());
		}
	}

	@Override
	public void doSaveAs() {
		// a draft is saved where it is; Export… in the explorer copies it elsewhere
	}

	@Override
	public boolean isDirty() {
		return document != null && !document.isReadOnly() && document.isDirty();
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	@Override
	public void setFocus() {
		if (pane != null) {
			pane.parts().source().getControl().setFocus();
		}
	}

	@Override
	public void dispose() {
		if (document != null) {
			document.commands().removeCommandStackListener(dirty);
		}
		super.dispose();
	}

}
