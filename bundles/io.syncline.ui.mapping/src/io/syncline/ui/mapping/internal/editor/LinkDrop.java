package io.syncline.ui.mapping.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ViewerDropAdapter;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.dnd.TransferData;

import io.syncline.mapping.model.SchemaNode;

/**
 * Drag and drop from the source tree onto the target tree: the dragged nodes (several make a multi-source rule)
 * dropped on a target node are linked by {@link MappingEditorPane#link}, the same path Ctrl+L takes.
 */
final class LinkDrop {

	private LinkDrop() {
	}

	static void install(MappingEditorPane pane, SchemaTreePane source, SchemaTreePane target) {
		Transfer[] local = { LocalSelectionTransfer.getTransfer() };
		source.viewer().addDragSupport(DND.DROP_LINK | DND.DROP_COPY, local, new DragSourceAdapter() {
			@Override
			public void dragStart(DragSourceEvent event) {
				IStructuredSelection selection = source.viewer().getStructuredSelection();
				event.doit = !selection.isEmpty();
				LocalSelectionTransfer.getTransfer().setSelection(selection);
			}

			@Override
			public void dragSetData(DragSourceEvent event) {
				event.data = LocalSelectionTransfer.getTransfer().getSelection();
			}
		});
		target.viewer().addDropSupport(DND.DROP_LINK | DND.DROP_COPY, local, new ViewerDropAdapter(target.viewer()) {
			@Override
			public boolean validateDrop(Object onto, int operation, TransferData type) {
				return onto instanceof SchemaNode && LocalSelectionTransfer.getTransfer().isSupportedType(type);
			}

			@Override
			public boolean performDrop(Object data) {
				if (!(getCurrentTarget() instanceof SchemaNode onto)) {
					return false;
				}
				pane.link(dragged(data), onto);
				return true;
			}
		});
	}

	/** The source nodes being dragged. */
	static List<SchemaNode> dragged(Object data) {
		List<SchemaNode> nodes = new ArrayList<>();
		if (data instanceof IStructuredSelection selection) {
			for (Object element : selection.toList()) {
				if (element instanceof SchemaNode node) {
					nodes.add(node);
				}
			}
		}
		return nodes;
	}
}
