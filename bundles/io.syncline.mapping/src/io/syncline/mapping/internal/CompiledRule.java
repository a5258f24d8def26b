package io.syncline.mapping.internal;

import java.util.List;

import io.syncline.formats.Problem;
import io.syncline.mapping.SourceView;

/** One rule of a mapping, ready to run record by record. */
public interface CompiledRule {

	void apply(SourceView source, TargetBuilder target, RuleContext context, List<Problem> problems);
}
