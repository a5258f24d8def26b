package io.syncline.mapping.internal;

import io.syncline.formats.NodePath;

/** A source path compiled once: the text for canonical sources, the node path for format records. */
public record SourcePath(String text, NodePath nodePath) {

	public static SourcePath of(String text) {
		return new SourcePath(text, NodePath.compile(text));
	}
}
