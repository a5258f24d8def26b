package io.syncline.formats.x12.internal;

import java.util.Arrays;
import java.util.function.Consumer;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * Validates one X12 transaction set at a time against a {@link TransactionGrammar}, as its segments stream past:
 * segment order and occurrences, loops and their repeats, mandatory segments and elements, element types, lengths
 * and codes, and syntax rules. It reports the same {@link EDIStreamValidationError}s, at the same segment and element
 * positions, as StAEDI's own validator with the same schema (a differential test holds the two together), without
 * its per-element search of the schema tree.
 * <p>
 * Placing a segment searches forward from the last placed one, then outward through the enclosing loops; a loop's
 * first segment seen again starts its next occurrence. What the search passes over without meeting its minimum is
 * reported missing once the segment is placed. A segment found nowhere ahead is out of sequence if it is an earlier
 * sibling in the current loop, and otherwise unexpected; either way the position stays where it was.
 */
public final class TransactionValidator {

	private final TransactionGrammar grammar;
	private final ValidationListener listener;
	private final Consumer<EDIStreamValidationError> valueErrors = this::valueError;

	private Frame[] frames = new Frame[8];
	private int depth;
	private GroupRule.Item[] missing = new GroupRule.Item[16];
	private int missingCount;

	private SegmentRule segment;
	private int[] elementUsage = new int[32];
	private int lastElement;
	private ElementRule composite;
	private boolean componentsUndefined;
	private int compositePosition;
	private int[] componentUsage = new int[16];
	private int lastComponent;
	private int checkedPosition;
	private int checkedComponent;
	private String checkedValue;

	public TransactionValidator(TransactionGrammar grammar, ValidationListener listener) {
		this.grammar = grammar;
		this.listener = listener;
	}

	/** Called after ST: the next segment is the transaction set's first. */
	public void startTransaction() {
		depth = 0;
		push(grammar.root);
		segment = null;
		composite = null;
	}

	/** Whether the elements of the current segment are being checked (false for an unexpected segment). */
	public boolean segmentExpected() {
		return segment != null;
	}

	/** Whether the current segment's schema defines this element position as a composite. */
	public boolean isComposite(int position) {
		return segment != null && position <= segment.elements.length && segment.elements[position - 1].isComposite();
	}

	public void segment(String tag) {
		missingCount = 0;
		composite = null;
		int level = depth - 1;
		int from = frames[level].index;
		while (true) {
			Frame frame = frames[level];
			GroupRule.Item[] items = frame.group.items;
			for (int i = from; i < items.length; i++) {
				GroupRule.Item item = items[i];
				// a loop's own first segment seen again starts the loop's next occurrence, one level up
				if (item.tag.equals(tag) && !(i == 0 && frame.group.loop)) {
					place(level, i);
					return;
				}
				if (frame.usage[i] < item.minOccurs) {
					addMissing(item);
				}
			}
			if (level == 0) {
				break;
			}
			level--;
			from = frames[level].index;
		}
		if (placeOutOfSequence(tag)) {
			missingCount = 0;
			return;
		}
		GroupRule.Item first = grammar.root.items[0];
		if (!first.isLoop() && first.tag.equals(tag)) {
			// the set's first segment seen again starts over from the top; what was passed over is still missing
			place(0, 0);
			return;
		}
		missingCount = 0;
		segment = null;
		listener.segmentError(tag, grammar.definesSegment(tag) ? EDIStreamValidationError.UNEXPECTED_SEGMENT
				: EDIStreamValidationError.SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET);
	}

	/** Called at SE: whatever mandatory segment has not been met is missing, and every open loop ends. */
	public void endTransaction() {
		missingCount = 0;
		for (int level = depth - 1; level >= 0; level--) {
			Frame frame = frames[level];
			for (int i = frame.index; i < frame.group.items.length; i++) {
				if (frame.usage[i] < frame.group.items[i].minOccurs) {
					addMissing(frame.group.items[i]);
				}
			}
		}
		reportMissing();
		while (depth > 1) {
			depth--;
			listener.loopEnded();
		}
		segment = null;
	}

	private void place(int level, int index) {
		while (depth - 1 > level) {
			depth--;
			listener.loopEnded();
		}
		reportMissing();
		Frame frame = frames[level];
		GroupRule.Item item = frame.group.items[index];
		frame.index = index;
		frame.usage[index]++;
		if (item.isLoop()) {
			listener.loopStarted(item.group.code, item.group.levelIdPosition, item.group.parentIdPosition);
			push(item.group).usage[0] = 1;
			if (frame.usage[index] > item.maxOccurs) {
				listener.segmentError(item.group.code, EDIStreamValidationError.LOOP_OCCURS_OVER_MAXIMUM_TIMES);
			}
		} else if (frame.usage[index] > item.maxOccurs) {
			listener.segmentError(item.tag, EDIStreamValidationError.SEGMENT_EXCEEDS_MAXIMUM_USE);
		}
		startSegment(item.firstSegment());
	}

	/**
	 * An earlier sibling in the current loop is out of sequence but still known: its elements are checked, and the
	 * search for the next segment goes on from where it was. The current loop's last item never looks back.
	 */
	private boolean placeOutOfSequence(String tag) {
		Frame frame = frames[depth - 1];
		GroupRule.Item[] items = frame.group.items;
		if (frame.index == items.length - 1) {
			return false;
		}
		for (int i = 0; i < items.length; i++) {
			if (!items[i].isLoop() && items[i].tag.equals(tag)) {
				if (i == 0) {
					return false;
				}
				listener.segmentError(tag, EDIStreamValidationError.SEGMENT_NOT_IN_PROPER_SEQUENCE);
				if (++frame.usage[i] > items[i].maxOccurs) {
					listener.segmentError(tag, EDIStreamValidationError.SEGMENT_EXCEEDS_MAXIMUM_USE);
				}
				startSegment(items[i].segment);
				return true;
			}
		}
		return false;
	}

	private void startSegment(SegmentRule rule) {
		segment = rule;
		int elements = rule.elements.length;
		if (elementUsage.length < elements) {
			elementUsage = new int[elements];
		} else {
			Arrays.fill(elementUsage, 0, elements, 0);
		}
		lastElement = 0;
	}

	/** A simple element, or a composite element that arrived without component separators. */
	public void element(int position, String value) {
		if (segment == null) {
			return;
		}
		lastElement = position;
		if (position > segment.elements.length) {
			listener.elementError(EDIStreamValidationError.TOO_MANY_DATA_ELEMENTS, position, 0, value);
			return;
		}
		ElementRule element = segment.elements[position - 1];
		if (element.isComposite()) {
			if (value.isEmpty()) {
				// an absent composite is reported at its first component, where StAEDI reports it too
				requireMinimum(element, elementUsage[position - 1], position, 1, value);
				return;
			}
			startComposite(position);
			component(position, 1, value);
			endComposite();
			return;
		}
		check(element, elementUsage, position - 1, position, 0, value);
	}

	public void startComposite(int position) {
		if (segment == null) {
			return;
		}
		lastElement = position;
		composite = null;
		componentsUndefined = false;
		compositePosition = position;
		if (position > segment.elements.length) {
			listener.elementError(EDIStreamValidationError.TOO_MANY_DATA_ELEMENTS, position, 0, null);
			return;
		}
		ElementRule element = segment.elements[position - 1];
		if (++elementUsage[position - 1] > element.maxOccurs) {
			listener.elementError(EDIStreamValidationError.TOO_MANY_REPETITIONS, position, 0, null);
		}
		if (!element.isComposite()) {
			componentsUndefined = true;
			return;
		}
		composite = element;
		int components = element.components.length;
		if (componentUsage.length < components) {
			componentUsage = new int[components];
		} else {
			Arrays.fill(componentUsage, 0, components, 0);
		}
		lastComponent = 0;
	}

	public void component(int position, int component, String value) {
		if (segment == null) {
			return;
		}
		if (componentsUndefined) {
			listener.elementError(EDIStreamValidationError.TOO_MANY_COMPONENTS, position, component, value);
			return;
		}
		if (composite == null) {
			return; // beyond the segment's last element: already reported as too many elements
		}
		lastComponent = component;
		if (component > composite.components.length) {
			listener.elementError(EDIStreamValidationError.TOO_MANY_COMPONENTS, position, component, value);
			return;
		}
		check(composite.components[component - 1], componentUsage, component - 1, position, component, value);
	}

	public void endComposite() {
		if (composite == null) {
			componentsUndefined = false;
			return;
		}
		ElementRule[] components = composite.components;
		for (int c = lastComponent + 1; c <= components.length; c++) {
			requireMinimum(components[c - 1], componentUsage[c - 1], compositePosition, c, null);
		}
		if (composite.componentRules.length > 0) {
			boolean[] used = usedPositions(componentUsage, components.length);
			int position = compositePosition;
			for (SyntaxCheck rule : composite.componentRules) {
				rule.check(used, new SyntaxFindings(position, true));
			}
		}
		composite = null;
	}

	public void endSegment() {
		if (segment == null) {
			return;
		}
		ElementRule[] elements = segment.elements;
		for (int p = lastElement + 1; p <= elements.length; p++) {
			requireMinimum(elements[p - 1], elementUsage[p - 1], p, 0, null);
		}
		if (segment.rules.length > 0) {
			boolean[] used = usedPositions(elementUsage, elements.length);
			for (SyntaxCheck rule : segment.rules) {
				rule.check(used, new SyntaxFindings(0, false));
			}
		}
	}

	private void check(ElementRule element, int[] usage, int slot, int position, int component, String value) {
		if (value.isEmpty()) {
			requireMinimum(element, usage[slot], position, component, value);
			return;
		}
		if (++usage[slot] > element.maxOccurs) {
			listener.elementError(EDIStreamValidationError.TOO_MANY_REPETITIONS, position, component, value);
		}
		checkedPosition = position;
		checkedComponent = component;
		checkedValue = value;
		ValueChecks.check(element, value, valueErrors);
	}

	private void valueError(EDIStreamValidationError error) {
		listener.elementError(error, checkedPosition, checkedComponent, checkedValue);
	}

	private void requireMinimum(ElementRule element, int usage, int position, int component, String value) {
		if (usage < element.minOccurs) {
			listener.elementError(EDIStreamValidationError.REQUIRED_DATA_ELEMENT_MISSING, position, component, value);
		}
	}

	private static boolean[] usedPositions(int[] usage, int count) {
		boolean[] used = new boolean[count];
		for (int i = 0; i < count; i++) {
			used[i] = usage[i] > 0;
		}
		return used;
	}

	private void addMissing(GroupRule.Item item) {
		if (missingCount == missing.length) {
			missing = Arrays.copyOf(missing, missingCount * 2);
		}
		missing[missingCount++] = item;
	}

	private void reportMissing() {
		for (int i = 0; i < missingCount; i++) {
			listener.segmentError(missing[i].tag, EDIStreamValidationError.MANDATORY_SEGMENT_MISSING);
		}
		missingCount = 0;
	}

	private Frame push(GroupRule group) {
		if (depth == frames.length) {
			frames = Arrays.copyOf(frames, depth * 2);
		}
		Frame frame = frames[depth];
		if (frame == null || frame.usage.length < group.items.length) {
			frame = new Frame(group.items.length);
			frames[depth] = frame;
		} else {
			Arrays.fill(frame.usage, 0, group.items.length, 0);
		}
		frame.group = group;
		frame.index = 0;
		depth++;
		return frame;
	}

	/** An open loop (or the transaction set): where the last segment was placed and how often each item occurred. */
	private static final class Frame {
		GroupRule group;
		int index;
		final int[] usage;

		Frame(int items) {
			usage = new int[items];
		}
	}

	/** Reports a syntax rule's findings at element positions, or at component positions of the open composite. */
	private final class SyntaxFindings implements SyntaxCheck.Findings {
		private final int compositeAt;
		private final boolean inComposite;

		SyntaxFindings(int compositeAt, boolean inComposite) {
			this.compositeAt = compositeAt;
			this.inComposite = inComposite;
		}

		@Override
		public void conditionallyRequiredMissing(int position) {
			report(EDIStreamValidationError.CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING, position);
		}

		@Override
		public void exclusionViolated(int position) {
			report(EDIStreamValidationError.EXCLUSION_CONDITION_VIOLATED, position);
		}

		private void report(EDIStreamValidationError error, int position) {
			if (inComposite) {
				listener.elementError(error, compositeAt, position, null);
			} else {
				listener.elementError(error, position, 0, null);
			}
		}
	}
}
