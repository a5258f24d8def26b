package io.syncline.mapping.internal;

/** A compiled expression or condition of a rule. */
public interface Evaluable {

	/**
	 * Evaluates against the bound context. A function refusing a value throws IllegalArgumentException; other
	 * failures of JEXL expressions throw JexlException.
	 */
	Object evaluate(RuleContext context);
}
