package io.syncline.mapping.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.jexl3.JexlContext;

import io.syncline.mapping.SourceView;

/**
 * The variables an expression sees: {@code value} (the first source value), {@code v1}, {@code v2} … (each source),
 * {@code values} (all of them) and {@code record} ({@code record.get('path')} reads any path of the current
 * record or loop element).
 */
public final class RuleContext implements JexlContext {

	private final Map<String, Object> variables = new HashMap<>();
	private final java.util.ArrayDeque<Integer> loopIndexes = new java.util.ArrayDeque<>();

	public void bind(SourceView source, Object[] values) {
		variables.clear();
		variables.put("record", new RecordAccess(source));
		variables.put("values", values);
		variables.put("value", values.length > 0 ? values[0] : null);
		variables.put("index", loopIndexes.peek());
		variables.put("outerIndex", loopIndexes.size() > 1 ? loopIndexes.toArray()[1] : null);
		for (int i = 0; i < values.length; i++) {
			variables.put("v" + (i + 1), values[i]);
		}
	}

	/** Inside a loop, {@code index} is the 1-based position of the current element, {@code outerIndex} its parent's. */
	void enterLoop(int index) {
		loopIndexes.push(index);
	}

	void leaveLoop() {
		loopIndexes.pop();
	}

	@Override
	public Object get(String name) {
		return variables.get(name);
	}

	@Override
	public void set(String name, Object value) {
		throw new UnsupportedOperationException("mapping expressions cannot assign variables");
	}

	@Override
	public boolean has(String name) {
		return variables.containsKey(name);
	}

	/** Read access to the record for expressions; nothing else of the engine is reachable. */
	public static final class RecordAccess {
		private final SourceView source;

		RecordAccess(SourceView source) {
			this.source = source;
		}

		public Object get(String path) {
			return source.value(path);
		}

		/** Every value at the path, e.g. all line quantities for a hash total. */
		public java.util.List<Object> all(String path) {
			return source.values(path);
		}
	}
}
