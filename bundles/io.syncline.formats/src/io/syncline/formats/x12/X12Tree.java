package io.syncline.formats.x12;

import java.util.ArrayDeque;
import java.util.Deque;

import io.syncline.formats.Node;
import io.syncline.formats.SourceLocation;

/**
 * Builds the record tree of one transaction set while it is read: segments under the open loop, elements under
 * their segment. A hierarchical (HL) loop occurrence is held until its first segment is complete, then placed under
 * the open level whose id its parent id names, so the 856 shipment/order/pack/item levels become a tree; a level
 * whose parent is not open starts again from the top, as in StAEDI.
 */
final class X12Tree {

	private final Deque<Node> open = new ArrayDeque<>();
	private final Deque<Node> openLevels = new ArrayDeque<>();
	private final Deque<String> openLevelIds = new ArrayDeque<>();
	private Node pendingLevel;
	private Node pendingParent;
	private int levelIdPosition;
	private int parentIdPosition;
	private Node composite;

	/** The transaction node, with ST already read under it, and ST still open. */
	void startTransaction(Node transaction, Node st) {
		open.clear();
		openLevels.clear();
		openLevelIds.clear();
		pendingLevel = null;
		open.push(transaction);
		open.push(st);
	}

	void startLoop(String code, SourceLocation at) {
		open.push(top().add(Node.branch(code, at)));
	}

	/** A hierarchical loop occurrence, placed when its first segment ends ({@link #endSegment()}). */
	void startLevel(String code, SourceLocation at, int levelId, int parentId) {
		pendingParent = top();
		pendingLevel = Node.branch(code, at);
		levelIdPosition = levelId;
		parentIdPosition = parentId;
		open.push(pendingLevel);
	}

	void endLoop() {
		open.pop();
	}

	void startSegment(String tag, SourceLocation at) {
		open.push(top().add(Node.branch(tag, at)));
	}

	Node endSegment() {
		Node segment = open.pop();
		if (pendingLevel != null && open.peek() == pendingLevel) {
			// levels come depth first: the parent is one of the levels still open, and the ones after it are done
			String parentId = elementValue(segment, parentIdPosition);
			while (!openLevelIds.isEmpty() && !openLevelIds.peek().equals(parentId)) {
				openLevelIds.pop();
				openLevels.pop();
			}
			(openLevels.isEmpty() ? pendingParent : openLevels.peek()).add(pendingLevel);
			String levelId = elementValue(segment, levelIdPosition);
			openLevelIds.push(levelId == null ? "" : levelId);
			openLevels.push(pendingLevel);
			pendingLevel = null;
		}
		return segment;
	}

	void element(String name, String text, SourceLocation at) {
		if (composite != null) {
			composite.addLeaf(name, text, at);
		} else if (!text.isEmpty()) {
			top().addLeaf(name, text, at);
		}
	}

	void startComposite(String name, SourceLocation at) {
		composite = top().add(Node.branch(name, at));
	}

	void endComposite() {
		composite = null;
	}

	boolean inComposite() {
		return composite != null;
	}

	String compositeName() {
		return composite.name();
	}

	/** Closes what is still open at the end of the transaction set, loops a broken one may have left. */
	void endTransaction(Node transaction) {
		while (!open.isEmpty() && open.peek() != transaction) {
			open.pop();
		}
		open.clear();
		composite = null;
	}

	Node top() {
		return open.peek();
	}

	static String elementValue(Node segment, int position) {
		if (segment == null || position == 0) {
			return null;
		}
		Node element = segment.child(ElementNames.of(segment.name(), position));
		return element == null ? null : element.value();
	}
}
