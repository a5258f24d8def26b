package io.syncline.mapping;

import java.util.List;

import io.syncline.formats.SourceLocation;

/**
 * How one value of a mapped record was made: the object it was set on (the record, or the loop element a loop
 * made), the target path below it, the rule (its label, {@code rule 6.3 (quantity/value)}), the source paths read
 * and the values found there, and where in the source the first one was. What the preview shows for a field.
 */
public record FieldTrace(Object owner, String target, String rule, List<String> sources, List<Object> sourceValues,
		SourceLocation at, Object value) {
}
