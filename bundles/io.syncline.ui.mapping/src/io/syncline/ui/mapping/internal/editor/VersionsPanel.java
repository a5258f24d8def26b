package io.syncline.ui.mapping.internal.editor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;

import io.syncline.mapping.MappingDiff;
import io.syncline.mapping.MappingResources;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.MappingVersion;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.widgets.TableColumns;
import io.syncline.ui.internal.connections.UiJobs;

/**
 * A mapping's published versions on the active runtime (author, time, comment): open one to read, or compare two
 * rule by rule (what was added, removed, or changed in expression, condition, source or default).
 */
public final class VersionsPanel {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneId.systemDefault());

	private final Composite composite;
	private final TableViewer versions;
	private final Text comparison;
	private final Label status;
	private final IntegrationRuntime runtime;
	private final String mapping;

	/** @param open opens a version to read, given its number and its XMI */
	public VersionsPanel(Composite parent, IntegrationRuntime runtime, String mapping, BiConsumer<Integer, byte[]> open) {
		this.runtime = runtime;
		this.mapping = mapping;
		composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(3, false));
		versions = new TableViewer(composite, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		AccessibleNames.named(versions.getTable(), "Versions of " + mapping);
		versions.getTable().setHeaderVisible(true);
		versions.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		column("Version", 70);
		column("Author", 110);
		column("Published", 140);
		column("Comment", 320);
		versions.setContentProvider(ArrayContentProvider.getInstance());
		versions.setLabelProvider(new Labels());
		TableColumns.fit(versions.getTable(), "mapping.versions"); // titles whole, and the widths the analyst gave kept
		Button read = AccessibleNames.named(new Button(composite, SWT.PUSH), "Open the selected version to read");
		read.setText("Open read-only");
		read.addListener(SWT.Selection, event -> openSelected(open));
		Button compare = AccessibleNames.named(new Button(composite, SWT.PUSH), "Compare the two selected versions");
		compare.setText("Compare two");
		compare.addListener(SWT.Selection, event -> compareSelected());
		status = AccessibleNames.named(new Label(composite, SWT.WRAP), "Versions status");
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		comparison = AccessibleNames.named(new Text(composite, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL
				| SWT.WRAP), "Changes between the versions");
		GridData below = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
		below.heightHint = 140;
		comparison.setLayoutData(below);
		versions.addOpenListener(event -> openSelected(open));
		load();
	}

	/** Says where things stand; the line takes the width its words need. */
	private void say(String text) {
		status.setText(text);
		composite.layout(true);
	}

	private void column(String name, int width) {
		TableColumn column = new TableColumn(versions.getTable(), SWT.LEFT);
		column.setText(name);
		column.setWidth(width);
	}

	public Composite control() {
		return composite;
	}

	public TableViewer versions() {
		return versions;
	}

	public Text comparison() {
		return comparison;
	}

	public Label status() {
		return status;
	}

	private void load() {
		say("Reading the versions of " + mapping + "…");
		UiJobs.run(composite, "Read the versions of " + mapping, () -> {
			List<MappingVersion> read = runtime.mappingVersions(mapping);
			return () -> {
				versions.setInput(read);
				say(read.isEmpty() ? mapping + " has not been published here" : read.size() + " versions");
			};
		}, this::say);
	}

	private List<MappingVersion> selected() {
		return versions.getStructuredSelection().toList().stream().map(MappingVersion.class::cast).toList();
	}

	private void openSelected(BiConsumer<Integer, byte[]> open) {
		List<MappingVersion> chosen = selected();
		if (chosen.size() != 1) {
			say("Select one version to open.");
			return;
		}
		int number = chosen.get(0).version();
		UiJobs.run(composite, "Read " + mapping + " v" + number, () -> {
			byte[] xmi = runtime.mapping(mapping, number);
			return () -> open.accept(number, xmi);
		}, this::say);
	}

	/** Compares the two selected versions, the older against the newer. */
	public void compareSelected() {
		List<MappingVersion> chosen = selected();
		if (chosen.size() != 2) {
			say("Select two versions to compare.");
			return;
		}
		int older = Math.min(chosen.get(0).version(), chosen.get(1).version());
		int newer = Math.max(chosen.get(0).version(), chosen.get(1).version());
		say("Comparing v" + older + " with v" + newer + "…");
		UiJobs.run(composite, "Compare " + mapping + " v" + older + " with v" + newer, () -> {
			List<MappingDiff.Change> changes = MappingDiff.compare(
					MappingResources.load(runtime.mapping(mapping, older), mapping + "-v" + older),
					MappingResources.load(runtime.mapping(mapping, newer), mapping + "-v" + newer));
			StringBuilder text = new StringBuilder();
			changes.forEach(change -> text.append(change).append('\n'));
			return () -> {
				comparison.setText(changes.isEmpty() ? "v" + older + " and v" + newer + " have the same rules"
						: text.toString());
				say(changes.size() + " rules differ between v" + older + " and v" + newer);
			};
		}, this::say);
	}

	private static final class Labels extends ColumnTexts {
		@Override
		public String getColumnText(Object element, int column) {
			MappingVersion version = (MappingVersion) element;
			return switch (column) {
			case 0 -> "v" + version.version();
			case 1 -> version.author();
			case 2 -> version.publishedAt() == null ? "" : WHEN.format(version.publishedAt());
			default -> version.comment() == null ? "" : version.comment();
			};
		}
	}
}
