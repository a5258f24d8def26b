package io.syncline.ui.mapping.internal.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

import io.syncline.mapping.model.SchemaNode;
import io.syncline.ui.mapping.internal.editor.RuleEnds.End;

/**
 * The lines between the two trees, one per rule end, drawn with plain SWT GC. Each end sits at its node's row
 * centre; inside a collapsed subtree at the nearest visible ancestor; scrolled out of view at the tree's edge,
 * dotted. An unresolved source comes from the top edge, red and dashed. Lines follow scrolling, expanding,
 * collapsing and resizing, because they are laid out again on every paint from the trees as they are.
 */
public final class MappingCanvas {

	/** Where an end of a line lands: its y on the canvas, and whether it sits at an ancestor or an edge. */
	public record Anchor(int y, boolean atAncestor, boolean outOfView) {
	}

	/** A line as laid out now: the rule end, and its two anchors (the source one for each source). */
	public record Line(End end, SchemaNode source, Anchor from, Anchor to) {
	}

	private static final RGB[] LOOP_COLOURS = { new RGB(0x3b, 0x5b, 0x8c), new RGB(0x1b, 0x7f, 0x5a),
			new RGB(0x9a, 0x4f, 0x00), new RGB(0x7a, 0x3f, 0x9c), new RGB(0x00, 0x7c, 0x8a), new RGB(0x8c, 0x5a, 0x2b),
			new RGB(0x4f, 0x6f, 0x1f), new RGB(0xa0, 0x3c, 0x68) };
	private static final RGB UNRESOLVED = new RGB(0xc0, 0x1c, 0x28);
	private static final int HIT_DISTANCE = 5;

	private final Canvas canvas;
	private final TreeViewer sourceViewer;
	private final TreeViewer targetViewer;
	private List<End> ends = List.of();
	private End selected;
	private Set<SchemaNode> highlighted = Set.of();

	public MappingCanvas(Composite parent, TreeViewer sourceViewer, TreeViewer targetViewer) {
		this.sourceViewer = sourceViewer;
		this.targetViewer = targetViewer;
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.addPaintListener(event -> paint(event.gc));
		follow(sourceViewer.getTree());
		follow(targetViewer.getTree());
		canvas.addListener(SWT.Resize, event -> canvas.redraw());
		canvas.getAccessible().addAccessibleListener(new AccessibleAdapter() {
			@Override
			public void getName(AccessibleEvent e) {
				e.result = "Mapping lines: " + ends.size() + " rules"
						+ (selected == null ? "" : "; selected " + describe(selected));
			}

			@Override
			public void getDescription(AccessibleEvent e) {
				e.result = selected == null ? "Select a rule in the rule list to hear its line" : describe(selected);
			}
		});
	}

	public Canvas control() {
		return canvas;
	}

	/** Redraws whenever a tree moves under the lines: scroll, wheel, expand, collapse, resize, keys. */
	private void follow(Tree tree) {
		Listener later = event -> canvas.getDisplay().asyncExec(() -> {
			if (!canvas.isDisposed()) {
				canvas.redraw();
			}
		});
		for (int type : new int[] { SWT.Expand, SWT.Collapse, SWT.MouseWheel, SWT.Resize, SWT.KeyDown, SWT.MouseUp,
				SWT.Selection }) {
			tree.addListener(type, later);
		}
		if (tree.getVerticalBar() != null) {
			tree.getVerticalBar().addListener(SWT.Selection, later);
		}
		// a scroll the program asked for (reveal) lands when GTK next draws the tree: follow the tree's own paint
		int[] lastOffset = { Integer.MIN_VALUE };
		tree.addListener(SWT.Paint, event -> {
			int offset = tree.getItemCount() == 0 ? 0 : tree.getItem(0).getBounds().y;
			if (offset != lastOffset[0]) {
				lastOffset[0] = offset;
				canvas.redraw();
			}
		});
	}

	public void setEnds(List<End> newEnds) {
		ends = newEnds;
		if (selected != null && !ends.contains(selected)) {
			selected = null;
		}
		canvas.redraw();
	}

	public void setSelection(End end, Set<SchemaNode> nodes) {
		selected = end;
		highlighted = nodes;
		canvas.redraw();
	}

	/** The lines as they would be drawn now. */
	public List<Line> lines() {
		Rows sourceRows = new Rows(sourceViewer);
		Rows targetRows = new Rows(targetViewer);
		List<Line> lines = new ArrayList<>();
		for (End end : ends) {
			Anchor to = end.target() == null ? targetRows.edge(true) : targetRows.anchor(end.target());
			for (SchemaNode source : end.sources()) {
				lines.add(new Line(end, source, sourceRows.anchor(source), to));
			}
			for (int i = 0; i < end.unresolved().size(); i++) {
				lines.add(new Line(end, null, sourceRows.edge(true), to));
			}
		}
		return lines;
	}

	/**
	 * A tree's rows as they are now, read once for all the lines: which elements show, at which row (walking only
	 * expanded items), and where the first row is; a row's y is then arithmetic, not a call to GTK per line. Rows
	 * have one height in a tree.
	 */
	private final class Rows {
		private final TreeViewer viewer;
		private final Tree tree;
		private final Map<Object, Integer> index = new IdentityHashMap<>();
		private final Rectangle area;
		private final int firstY;
		private final int height;
		/** The tree's y on the canvas: mapping it once, not per line, spares a trip to the window system. */
		private final int offset;

		Rows(TreeViewer viewer) {
			this.viewer = viewer;
			this.tree = viewer.getTree();
			this.area = rows(tree);
			int[] row = { 0 };
			for (TreeItem item : tree.getItems()) {
				number(item, row);
			}
			this.firstY = tree.getItemCount() == 0 ? area.y : tree.getItem(0).getBounds().y;
			this.height = tree.getItemHeight();
			this.offset = tree.getDisplay().map(tree, canvas, 0, 0).y;
		}

		private void number(TreeItem item, int[] row) {
			Object element = item.getData();
			if (element != null) {
				index.put(element, row[0]);
			}
			row[0]++;
			if (item.getExpanded()) {
				for (TreeItem child : item.getItems()) {
					number(child, row);
				}
			}
		}

		Anchor anchor(SchemaNode node) {
			SchemaNode at = node;
			Integer row = null;
			while (at != null && at != viewer.getInput() && (row = index.get(at)) == null) {
				at = at.eContainer() instanceof SchemaNode parent ? parent : null;
			}
			if (row == null) {
				return edge(true);
			}
			boolean atAncestor = at != node;
			int centre = firstY + row * height + height / 2;
			if (centre < area.y) {
				return new Anchor(offset + area.y, atAncestor, true);
			}
			if (centre > area.y + area.height) {
				return new Anchor(offset + area.y + area.height, atAncestor, true);
			}
			return new Anchor(offset + centre, atAncestor, false);
		}

		Anchor edge(boolean top) {
			return new Anchor(offset + (top ? area.y : area.y + area.height), false, true);
		}
	}

	/**
	 * The part of a tree where rows show, in the coordinates of its items: below the header. GTK puts the origin of
	 * its client area above the header (y = -header) and its rows at 0; Windows puts the rows below the header at
	 * its origin; either way the rows begin a header's height below the client area's top.
	 */
	private static Rectangle rows(Tree tree) {
		Rectangle area = tree.getClientArea();
		int header = tree.getHeaderVisible() ? tree.getHeaderHeight() : 0;
		return new Rectangle(area.x, area.y + header, area.width, Math.max(0, area.height - header));
	}

	private void paint(GC gc) {
		Rectangle size = canvas.getClientArea();
		// the trees' rows continue across the canvas; above them (beside their titles) it is the window's
		Rows rows = new Rows(sourceViewer);
		gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
		gc.fillRectangle(size);
		gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		gc.fillRectangle(0, rows.edge(true).y(), size.width, rows.edge(false).y() - rows.edge(true).y());
		gc.setAntialias(SWT.ON);
		List<Line> lines = lines();
		// unselected lines first, so the selected one is drawn over them; lines that would be drawn over one
		// another (rules from one collapsed group, or out of view) are drawn once
		Set<String> drawn = new HashSet<>();
		for (Line line : lines) {
			if (line.end() != selected && drawn.add(look(line))) {
				draw(gc, line, size.width);
			}
		}
		for (Line line : lines) {
			if (line.end() == selected) {
				draw(gc, line, size.width);
			}
		}
	}

	/** What a line looks like: two lines that look the same are drawn once. */
	private String look(Line line) {
		boolean lit = line.source() != null && highlighted.contains(line.source())
				|| line.end().target() != null && highlighted.contains(line.end().target());
		return line.from().y() + "," + line.to().y() + "," + line.end().colour() + "," + (line.source() == null) + ","
				+ lit + "," + line.end().isLoop() + "," + (line.from().outOfView() || line.to().outOfView());
	}

	private void draw(GC gc, Line line, int width) {
		boolean unresolved = line.source() == null;
		boolean isSelected = line.end() == selected;
		boolean lit = isSelected || line.source() != null && highlighted.contains(line.source())
				|| line.end().target() != null && highlighted.contains(line.end().target());
		RGB rgb = unresolved ? UNRESOLVED : LOOP_COLOURS[line.end().colour() % LOOP_COLOURS.length];
		Color colour = new Color(rgb);
		gc.setForeground(colour);
		gc.setLineWidth(isSelected ? 3 : lit ? 2 : 1);
		gc.setLineStyle(unresolved ? SWT.LINE_DASH
				: line.from().outOfView() || line.to().outOfView() ? SWT.LINE_DOT : SWT.LINE_SOLID);
		int y1 = line.from().y();
		int y2 = line.to().y();
		Path path = new Path(canvas.getDisplay());
		try {
			path.moveTo(0, y1);
			path.lineTo(6, y1);
			path.cubicTo(width / 2f, y1, width / 2f, y2, width - 6, y2);
			path.lineTo(width, y2);
			gc.drawPath(path);
		} finally {
			path.dispose();
		}
		if (line.end().isLoop()) {
			gc.setLineStyle(SWT.LINE_SOLID);
			gc.drawRectangle(0, y1 - 3, 4, 6);
			gc.drawRectangle(width - 5, y2 - 3, 4, 6);
		}
		gc.setLineStyle(SWT.LINE_SOLID);
	}

	/** The rule end whose line passes within a few pixels of a point, or null. */
	public End endAt(int x, int y) {
		int width = canvas.getClientArea().width;
		End nearest = null;
		double best = HIT_DISTANCE;
		for (Line line : lines()) {
			for (int step = 0; step <= 40; step++) {
				double t = step / 40.0;
				double px = bezier(t, 0, width / 2.0, width / 2.0, width);
				double py = bezier(t, line.from().y(), line.from().y(), line.to().y(), line.to().y());
				double distance = Math.hypot(px - x, py - y);
				if (distance < best) {
					best = distance;
					nearest = line.end();
				}
			}
		}
		return nearest;
	}

	private static double bezier(double t, double p0, double p1, double p2, double p3) {
		double u = 1 - t;
		return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
	}

	public void addClickListener(java.util.function.Consumer<End> clicked) {
		canvas.addListener(SWT.MouseDown, (Event event) -> clicked.accept(endAt(event.x, event.y)));
	}

	public void redraw() {
		canvas.redraw();
	}

	/** A line in words: {@code PO1-07 Product/Service ID → supplierSku, condition …}. */
	public static String describe(End end) {
		StringBuilder text = new StringBuilder();
		List<String> names = new ArrayList<>();
		end.sources().forEach(source -> names.add(io.syncline.mapping.SchemaTrees.label(source)));
		names.addAll(end.unresolved());
		text.append(names.isEmpty() ? "(no source)" : String.join(" + ", names));
		text.append(" → ").append(end.rule().getTarget());
		if (end.isLoop()) {
			text.append(", a loop");
		}
		if (end.rule().getCondition() != null && !end.rule().getCondition().isBlank()) {
			text.append(", condition ").append(end.rule().getCondition());
		}
		if (!end.unresolved().isEmpty()) {
			text.append(", unresolved: ").append(String.join(", ", end.unresolved()))
					.append(" is not in the sample's tree");
		}
		return text.toString();
	}
}
