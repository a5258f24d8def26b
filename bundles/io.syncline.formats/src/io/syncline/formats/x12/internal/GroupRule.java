package io.syncline.formats.x12.internal;

/**
 * The transaction set or one of its loops: its items in schema order. A loop is entered by its first segment, so
 * every item knows the tag that selects it: its own for a segment, the loop's first segment's for a loop.
 */
final class GroupRule {

	final String code;
	final boolean loop;
	final int levelIdPosition;
	final int parentIdPosition;
	final Item[] items;

	GroupRule(String code, boolean loop, int levelIdPosition, int parentIdPosition, Item[] items) {
		this.code = code;
		this.loop = loop;
		this.levelIdPosition = levelIdPosition;
		this.parentIdPosition = parentIdPosition;
		this.items = items;
	}

	/** A segment or a loop in a group's sequence. */
	static final class Item {
		final String tag;
		final int minOccurs;
		final int maxOccurs;
		final SegmentRule segment;
		final GroupRule group;

		Item(String tag, int minOccurs, int maxOccurs, SegmentRule segment, GroupRule group) {
			this.tag = tag;
			this.minOccurs = minOccurs;
			this.maxOccurs = maxOccurs;
			this.segment = segment;
			this.group = group;
		}

		boolean isLoop() {
			return group != null;
		}

		/** The segment a reader meets first: the segment itself, or the loop's first. */
		SegmentRule firstSegment() {
			return group != null ? group.items[0].segment : segment;
		}
	}
}
