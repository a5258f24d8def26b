package io.syncline.ui.mapping.internal.editor;

import org.eclipse.swt.custom.CTabFolder;

/** The mapping editor's widgets and parts, for the editor part and the tests that drive them. */
public record EditorParts(org.eclipse.jface.viewers.TreeViewer source, org.eclipse.jface.viewers.TreeViewer target,
		MappingCanvas canvas, org.eclipse.jface.viewers.TableViewer rules,
		org.eclipse.jface.viewers.TableViewer problems, RuleProperties properties, PreviewPane preview,
		CTabFolder tabs, org.eclipse.swt.widgets.Text findSource, LookupsPane lookups,
		SourceOptionsPane sourceOptions, EditorChecks checks) {
}
