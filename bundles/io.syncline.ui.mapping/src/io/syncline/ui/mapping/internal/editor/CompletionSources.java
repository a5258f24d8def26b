package io.syncline.ui.mapping.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.ui.mapping.internal.MappingDocument;
import io.syncline.ui.mapping.internal.editor.RuleEnds.End;

/**
 * What Ctrl+Space offers besides the functions: the source paths a rule can read where it is (relative to its loop)
 * and the mapping's lookup tables.
 */
final class CompletionSources {

	/** Enough paths to choose from; a tree of thousands of fields is searched with its find field instead. */
	private static final int MOST = 2000;

	private final MappingDocument document;
	private final Supplier<End> selected;
	private final Supplier<SchemaNode> sourceRoot;

	CompletionSources(MappingDocument document, Supplier<End> selected, Supplier<SchemaNode> sourceRoot) {
		this.document = document;
		this.selected = selected;
		this.sourceRoot = sourceRoot;
	}

	List<String> sourcePaths() {
		List<String> paths = new ArrayList<>();
		End end = selected.get();
		SchemaNode context = end != null ? end.sourceContext()
				: sourceRoot.get() == null ? null
							: SchemaTrees.recordContext(document.mapping(), sourceRoot.get());
		if (context != null) {
			collect(context, context, paths);
		}
		return paths;
	}

	private static void collect(SchemaNode context, SchemaNode node, List<String> into) {
		for (SchemaNode child : node.getChildren()) {
			if (SchemaTrees.hasValue(child)) {
				into.add(SchemaTrees.path(context, child));
			}
			if (into.size() < MOST) {
				collect(context, child, into);
			}
		}
	}

	List<String> lookupNames() {
		List<String> names = new ArrayList<>();
		document.mapping().getLookups().forEach(table -> names.add(table.getName()));
		return names;
	}
}
