package io.syncline.formats.x12.internal;

import io.xlate.edi.stream.EDIStreamValidationError;

/** What {@link TransactionValidator} finds while it places segments and checks elements, in reading order. */
public interface ValidationListener {

	/**
	 * A loop occurrence begins with the segment being placed. A hierarchical (HL) loop names the element positions of
	 * its own level id and its parent's (1 and 2 for HL), so that it can nest under its parent; 0 for other loops.
	 */
	void loopStarted(String code, int levelIdPosition, int parentIdPosition);

	void loopEnded();

	/** A segment-level finding; {@code tag} names the segment concerned, which for a missing one is not the current. */
	void segmentError(String tag, EDIStreamValidationError error);

	/**
	 * An element-level finding in the current segment; {@code component} is 0 outside a composite and {@code value}
	 * is null for an element that is absent.
	 */
	void elementError(EDIStreamValidationError error, int element, int component, String value);
}
