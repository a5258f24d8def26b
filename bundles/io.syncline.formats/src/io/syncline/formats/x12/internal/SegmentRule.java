package io.syncline.formats.x12.internal;

/** A segment type: its elements by position and the syntax rules between them. */
final class SegmentRule {

	final String tag;
	final ElementRule[] elements;
	final SyntaxCheck[] rules;

	SegmentRule(String tag, ElementRule[] elements, SyntaxCheck[] rules) {
		this.tag = tag;
		this.elements = elements;
		this.rules = rules;
	}
}
