package io.syncline.mapping.internal;

import java.util.ArrayDeque;
import java.util.List;

import org.apache.commons.jexl3.JexlContext;

import io.syncline.mapping.SourceView;

/**
 * The variables an expression sees: {@code value} (the first source value), {@code v1}, {@code v2} … (each source),
 * {@code values} (all of them), {@code index} (position in the enclosing loop, from 1), {@code outerIndex} and
 * {@code record} ({@code record.get('path')} reads any path of the current record or loop element). One context
 * serves a whole record: binding only swaps fields, so evaluating a rule allocates nothing here.
 */
public final class RuleContext implements JexlContext {

	private final RecordAccess record = new RecordAccess();
	private final ArrayDeque<Integer> loopIndexes = new ArrayDeque<>();
	private Object[] values = new Object[0];

	public void bind(SourceView source, Object[] sourceValues) {
		record.source = source;
		values = sourceValues;
	}

	/** The value at a compiled path of the bound record, for compiled conditions. */
	Object recordValue(SourcePath path) {
		return record.source.value(path);
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
		switch (name) {
		case "value":
			return values.length > 0 ? values[0] : null;
		case "values":
			return values;
		case "record":
			return record;
		case "index":
			return loopIndexes.peek();
		case "outerIndex":
			return loopIndexes.size() > 1 ? loopIndexes.toArray()[1] : null;
		default:
			int position = sourcePosition(name);
			return position > 0 && position <= values.length ? values[position - 1] : null;
		}
	}

	@Override
	public void set(String name, Object value) {
		throw new UnsupportedOperationException("mapping expressions cannot assign variables");
	}

	@Override
	public boolean has(String name) {
		return switch (name) {
		case "value", "values", "record" -> true;
		case "index" -> !loopIndexes.isEmpty();
		case "outerIndex" -> loopIndexes.size() > 1;
		default -> {
			int position = sourcePosition(name);
			yield position > 0 && position <= values.length;
		}
		};
	}

	/** 3 for "v3", 0 for anything else. */
	private static int sourcePosition(String name) {
		if (name.length() < 2 || name.charAt(0) != 'v') {
			return 0;
		}
		int position = 0;
		for (int i = 1; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < '0' || c > '9') {
				return 0;
			}
			position = position * 10 + c - '0';
		}
		return position;
	}

	/** Read access to the record for expressions; nothing else of the engine is reachable. */
	public static final class RecordAccess {
		private SourceView source;

		public Object get(String path) {
			return source.value(path);
		}

		/** Every value at the path, e.g. all line quantities for a hash total. */
		public List<Object> all(String path) {
			return source.values(path);
		}
	}
}
