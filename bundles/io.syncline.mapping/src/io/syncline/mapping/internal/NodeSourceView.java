package io.syncline.mapping.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.SourceLocation;
import io.syncline.mapping.SourceView;

/** A format record seen through compiled paths; paths are compiled once and shared by all records. */
public final class NodeSourceView implements SourceView {

	private static final Map<String, NodePath> PATHS = new ConcurrentHashMap<>();

	private final Node node;

	public NodeSourceView(Node node) {
		this.node = node;
	}

	static NodePath path(String text) {
		return PATHS.computeIfAbsent(text, NodePath::compile);
	}

	@Override
	public Object value(String path) {
		return path(path).value(node);
	}

	@Override
	public Object value(SourcePath path) {
		return path.nodePath().value(node);
	}

	@Override
	public List<Object> values(String path) {
		return path(path).all(node).stream().<Object>map(Node::value).toList();
	}

	@Override
	public List<SourceView> each(String path) {
		return path(path).all(node).stream().<SourceView>map(NodeSourceView::new).toList();
	}

	@Override
	public SourceLocation locationOf(String path) {
		Node found = path(path).first(node);
		return found == null ? node.location() : found.location();
	}

	@Override
	public SourceLocation location() {
		return node.location();
	}
}
