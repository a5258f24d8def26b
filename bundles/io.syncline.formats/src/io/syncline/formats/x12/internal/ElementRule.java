package io.syncline.formats.x12.internal;

import java.util.Set;

import io.xlate.edi.schema.EDISimpleType;

/**
 * One element position of a segment (or component position of a composite) as the schema defines it: how often it
 * must and may occur, its type, lengths and codes, and for a composite its components and syntax rules.
 */
final class ElementRule {

	final String id;
	final int minOccurs;
	final int maxOccurs;
	final EDISimpleType.Base base;
	final long minLength;
	final long maxLength;
	final Set<String> codes;
	final ElementRule[] components;
	final SyntaxCheck[] componentRules;

	ElementRule(String id, int minOccurs, int maxOccurs, EDISimpleType.Base base, long minLength, long maxLength,
			Set<String> codes, ElementRule[] components, SyntaxCheck[] componentRules) {
		this.id = id;
		this.minOccurs = minOccurs;
		this.maxOccurs = maxOccurs;
		this.base = base;
		this.minLength = minLength;
		this.maxLength = maxLength;
		this.codes = codes;
		this.components = components;
		this.componentRules = componentRules;
	}

	boolean isComposite() {
		return components != null;
	}
}
