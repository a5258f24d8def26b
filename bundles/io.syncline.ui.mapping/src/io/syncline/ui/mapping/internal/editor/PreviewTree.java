package io.syncline.ui.mapping.internal.editor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import io.syncline.formats.Problem;
import io.syncline.mapping.FieldTrace;
import io.syncline.mapping.MappingPreview.PreviewRecord;

/**
 * The preview's records as a tree of values: each record, its fields with their values (lists by element), or its
 * problems where it failed; each field knows the trace of the rule that set it.
 */
final class PreviewTree {

	/** One row of the preview tree. */
	record Row(String label, List<Row> children, FieldTrace trace, Problem problem, PreviewRecord record) {

		boolean failed() {
			return record != null && record.failed();
		}
	}

	private PreviewTree() {
	}

	static Row of(PreviewRecord record) {
		List<Row> children = new ArrayList<>();
		String state;
		if (record.failed()) {
			state = "failed";
			for (Problem problem : record.problems()) {
				children.add(new Row(problem.describe(), List.of(), null, problem, null));
			}
		} else if (record.filtered()) {
			state = "skipped by the filter";
		} else {
			state = "mapped";
			Map<Object, Map<String, FieldTrace>> traces = new IdentityHashMap<>();
			for (FieldTrace trace : record.traces()) {
				traces.computeIfAbsent(trace.owner(), owner -> new java.util.HashMap<>()).put(trace.target(), trace);
			}
			if (record.output() instanceof EObject object) {
				fields(object, object, "", traces, children);
			} else if (record.output() instanceof io.syncline.formats.Node document) {
				nodes(document, document, "", traces, children);
			}
		}
		String where = record.location() == null ? "" : " (" + record.location().describe() + ")";
		return new Row("Record " + record.index() + where + ": " + state, children, null, null, record);
	}

	private static void fields(EObject object, EObject owner, String prefix, Map<Object, Map<String, FieldTrace>> traces,
			List<Row> into) {
		for (EStructuralFeature feature : object.eClass().getEAllStructuralFeatures()) {
			if (feature.isDerived() || feature.isTransient() || !object.eIsSet(feature)
					|| feature instanceof EReference r && r.isContainer()) {
				continue;
			}
			String path = prefix + feature.getName();
			Object value = object.eGet(feature);
			if (feature instanceof EReference reference && reference.isContainment()) {
				if (reference.isMany()) {
					List<?> elements = (List<?>) value;
					for (int i = 0; i < elements.size(); i++) {
						EObject element = (EObject) elements.get(i);
						List<Row> children = new ArrayList<>();
						fields(element, element, "", traces, children);
						into.add(new Row(feature.getName() + " [" + (i + 1) + "]", children, null, null, null));
					}
				} else {
					List<Row> children = new ArrayList<>();
					fields((EObject) value, owner, path + "/", traces, children);
					into.add(new Row(feature.getName(), children, null, null, null));
				}
				continue;
			}
			FieldTrace trace = traces.getOrDefault(owner, Map.of()).get(path);
			String shown = feature instanceof EAttribute ? String.valueOf(value) : key((EObject) value);
			into.add(new Row(feature.getName() + " = " + shown, List.of(), trace, null, null));
		}
	}

	/**
	 * An outbound document's segments and elements ({@code BEG03 = PO-45001}); a loop's element (what a loop rule
	 * made) starts its paths again, as its rules' targets do.
	 */
	private static void nodes(io.syncline.formats.Node node, Object owner, String prefix,
			Map<Object, Map<String, FieldTrace>> traces, List<Row> into) {
		for (io.syncline.formats.Node child : node.children()) {
			boolean element = traces.containsKey(child) && child != owner;
			Object childOwner = element ? child : owner;
			String path = element ? "" : prefix + child.name();
			if (child.children().isEmpty()) {
				FieldTrace trace = traces.getOrDefault(owner, Map.of()).get(path);
				into.add(new Row(child.name() + " = " + child.value(), List.of(), trace, null, null));
			} else {
				List<Row> rows = new ArrayList<>();
				nodes(child, childOwner, element ? "" : path + "/", traces, rows);
				into.add(new Row(child.name(), rows, null, null, null));
			}
		}
	}

	/** A referenced entity as its key shows it (the first value it carries). */
	private static String key(EObject referenced) {
		if (referenced == null) {
			return "";
		}
		for (EAttribute attribute : referenced.eClass().getEAllAttributes()) {
			if (referenced.eIsSet(attribute)) {
				return String.valueOf(referenced.eGet(attribute));
			}
		}
		return referenced.eClass().getName();
	}

	/** What the details pane says of a row: the rule that made it and the source value it came from. */
	static String details(Row row) {
		if (row.problem() != null) {
			Problem problem = row.problem();
			return problem.describe();
		}
		if (row.trace() != null) {
			FieldTrace trace = row.trace();
			StringBuilder text = new StringBuilder(row.label()).append('\n');
			text.append("made by ").append(trace.rule()).append('\n');
			for (int i = 0; i < trace.sources().size(); i++) {
				Object read = i < trace.sourceValues().size() ? trace.sourceValues().get(i) : null;
				text.append("from ").append(trace.sources().get(i)).append(" = ")
						.append(read == null ? "(empty)" : "'" + read + "'").append('\n');
			}
			if (trace.sources().isEmpty()) {
				text.append("from the rule's default or expression alone\n");
			}
			if (trace.at() != null) {
				text.append("at ").append(trace.at().describe());
			}
			return text.toString();
		}
		if (row.record() != null) {
			return row.label() + "\n" + row.children().size() + (row.failed() ? " problems" : " fields");
		}
		return row.children().isEmpty() ? row.label() + "\nset by no rule: the model's default"
				: row.label() + "\n" + row.children().size() + " fields";
	}
}
