package io.syncline.mapping;

import java.util.List;

import io.syncline.formats.SourceLocation;

/** What a mapping reads from: a format's record tree, or a canonical object for outbound mappings. */
public interface SourceView {

	/** The value at a path: text for format records, typed values (numbers, dates) for canonical objects. */
	Object value(String path);

	/** The same for a path compiled at mapping compile time. */
	default Object value(io.syncline.mapping.internal.SourcePath path) {
		return value(path.text());
	}

	/** The values at every occurrence of a path, for totals and counts. */
	List<Object> values(String path);

	/** Every occurrence of a repeating path, each as a view of its own. */
	List<SourceView> each(String path);

	/** Where the value at {@code path} came from, or the record's location if it is absent. */
	SourceLocation locationOf(String path);

	SourceLocation location();
}
