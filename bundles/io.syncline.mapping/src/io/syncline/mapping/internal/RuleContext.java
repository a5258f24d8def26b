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

	private static final Object[] NONE = new Object[0];

	private final RecordAccess record = new RecordAccess();
	/** Made on entering the first loop; most records have none. */
	private ArrayDeque<Integer> loopIndexes;
	private Object[] values = NONE;
	/** The single source value of the rule bound by {@link #bindOne}; {@link #values} is then made if asked for. */
	private Object single;
	private boolean bindsOne;
	/** Told how each value is made, in the preview; null in production, where nothing is traced. */
	private final java.util.function.Consumer<io.syncline.mapping.FieldTrace> tracer;

	public RuleContext() {
		this(null);
	}

	public RuleContext(java.util.function.Consumer<io.syncline.mapping.FieldTrace> tracer) {
		this.tracer = tracer;
	}

	public boolean tracing() {
		return tracer != null;
	}

	void trace(io.syncline.mapping.FieldTrace trace) {
		tracer.accept(trace);
	}

	public void bind(SourceView source, Object[] sourceValues) {
		record.source = source;
		values = sourceValues;
		bindsOne = false;
		single = null;
	}

	/** Binds a rule with exactly one source, without an array for its value. */
	public void bindOne(SourceView source, Object value) {
		record.source = source;
		single = value;
		bindsOne = true;
	}

	/** {@code value}: the first source value, or null. */
	Object firstValue() {
		return bindsOne ? single : values.length > 0 ? values[0] : null;
	}

	/** {@code v1}, {@code v2} …: the source value at that 1-based position, or null. */
	Object sourceValue(int position) {
		Object[] all = values();
		return position > 0 && position <= all.length ? all[position - 1] : null;
	}

	private Object[] values() {
		if (bindsOne) {
			values = new Object[] { single };
			bindsOne = false;
		}
		return values;
	}

	/** The value at a compiled path of the bound record, for compiled conditions. */
	Object recordValue(SourcePath path) {
		return record.source.value(path);
	}

	/** Inside a loop, {@code index} is the 1-based position of the current element, {@code outerIndex} its parent's. */
	void enterLoop(int index) {
		if (loopIndexes == null) {
			loopIndexes = new ArrayDeque<>();
		}
		loopIndexes.push(index);
	}

	void leaveLoop() {
		loopIndexes.pop();
	}

	@Override
	public Object get(String name) {
		switch (name) {
		case "value":
			return firstValue();
		case "values":
			return values();
		case "record":
			return record;
		case "index":
			return loopDepth() > 0 ? loopIndexes.peek() : null;
		case "outerIndex":
			return loopDepth() > 1 ? loopIndexes.toArray()[1] : null;
		default:
			return sourceValue(sourcePosition(name));
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
		case "index" -> loopDepth() > 0;
		case "outerIndex" -> loopDepth() > 1;
		default -> {
			int position = sourcePosition(name);
			yield position > 0 && position <= values().length;
		}
		};
	}

	private int loopDepth() {
		return loopIndexes == null ? 0 : loopIndexes.size();
	}

	/** 3 for "v3", 0 for anything else. */
	static int sourcePosition(String name) {
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
