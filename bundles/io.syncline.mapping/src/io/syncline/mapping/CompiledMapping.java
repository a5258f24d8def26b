package io.syncline.mapping;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.jexl3.JexlException;
import io.syncline.mapping.internal.Evaluable;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.util.EcoreUtil;

import io.syncline.formats.Node;
import io.syncline.formats.Problem;
import io.syncline.formats.SourceLocation;
import io.syncline.formats.SourceOptions;
import io.syncline.mapping.internal.CompiledRule;
import io.syncline.mapping.internal.EObjectTarget;
import io.syncline.mapping.internal.Expressions;
import io.syncline.mapping.internal.NodeTarget;
import io.syncline.mapping.internal.RuleContext;
import io.syncline.mapping.internal.TargetBuilder;
import io.syncline.mapping.internal.ValueCoercion;

/**
 * One mapping version compiled into a plan: paths and expressions are parsed once, here, and the plan runs record
 * by record. Safe to share between threads.
 */
public final class CompiledMapping {

	private final String name;
	private final int version;
	private final SourceOptions sourceOptions;
	private final EClass targetClass;
	private final String targetType;
	private final Evaluable filter;
	private final List<CompiledRule> rules;
	private final ValueCoercion coercion;
	private final ReferenceResolver references;

	CompiledMapping(String name, int version, SourceOptions sourceOptions, EClass targetClass, String targetType,
			Evaluable filter, List<CompiledRule> rules, ValueCoercion coercion, ReferenceResolver references) {
		this.name = name;
		this.version = version;
		this.sourceOptions = sourceOptions;
		this.targetClass = targetClass;
		this.targetType = targetType;
		this.filter = filter;
		this.rules = List.copyOf(rules);
		this.coercion = coercion;
		this.references = references;
	}

	public String name() {
		return name;
	}

	public int version() {
		return version;
	}

	/** How to read this mapping's sources; null for outbound mappings, whose source is a canonical object. */
	public SourceOptions sourceOptions() {
		return sourceOptions;
	}

	/** Inbound: the canonical class made; outbound: the document written, such as an X12 transaction set. */
	public String targetType() {
		return targetType;
	}

	public boolean isInbound() {
		return targetClass != null;
	}

	public MapOutcome map(SourceView record) {
		return map(record, null);
	}

	/** As {@link #map(SourceView)}, telling the tracer how each value was made (null: nothing is traced). */
	public MapOutcome map(SourceView record, java.util.function.Consumer<FieldTrace> tracer) {
		SourceLocation location = record.location();
		RuleContext context = new RuleContext(tracer);
		List<Problem> problems = new ArrayList<>();
		if (filter != null) {
			try {
				if (!filterAccepts(record, context)) {
					return new MapOutcome(location, null, List.of(), true);
				}
			} catch (JexlException e) {
				return new MapOutcome(location, null,
						List.of(Problem.error("MAP_FILTER", location, "filter: " + Expressions.describe(e))), false);
			}
		}
		TargetBuilder target = targetClass != null
				? new EObjectTarget(EcoreUtil.create(targetClass), coercion, references)
				: new NodeTarget(Node.branch(targetType, SourceLocation.ofFile("mapped")));
		for (CompiledRule rule : rules) {
			rule.apply(record, target, context, problems);
		}
		return problems.isEmpty() ? new MapOutcome(location, target.result(), List.of(), false)
				: new MapOutcome(location, null, List.copyOf(problems), false);
	}

	private boolean filterAccepts(SourceView record, RuleContext context) {
		context.bind(record, new Object[0]);
		Object verdict = filter.evaluate(context);
		return verdict instanceof Boolean b ? b : verdict != null && !"false".equals(verdict.toString());
	}

	@Override
	public String toString() {
		return name + " v" + version;
	}
}
