package io.syncline.mapping.internal;

/** Where a mapping writes: a canonical object, or a format tree for outbound documents. */
public interface TargetBuilder {

	/** Sets the value at a path, creating what lies on the way. */
	void set(TargetPath path, Object value);

	/** Appends a new repeating element at the path and returns a builder for it. */
	TargetBuilder add(TargetPath path);

	Object result();
}
