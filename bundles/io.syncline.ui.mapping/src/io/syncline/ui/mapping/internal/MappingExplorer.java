package io.syncline.ui.mapping.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.MappingSummary;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.internal.widgets.TableColumns;

/**
 * The mappings an analyst works with: those the active runtime has published for the active tenant, grouped by
 * partner, each with its direction, source format, target and latest version (the same against a local and a
 * remote runtime: the list is the runtime's), and the local drafts. A published mapping opens as a new local draft;
 * a {@code .synmap} file imports as one; a draft can be deleted. Every read runs in a Job; F5 reads again.
 */
public final class MappingExplorer extends Composite {

	/** The mappings of one partner (null: mappings for any partner). */
	public record PartnerGroup(String partnerId, List<MappingSummary> mappings) {
		String label() {
			return partnerId == null ? "(any partner)" : partnerId;
		}
	}

	/** The local drafts. */
	public record Drafts(List<Path> files) {
	}

	private final RuntimeSelection selection;
	private volatile MappingDrafts drafts;
	private final Text filter;
	private final TreeViewer viewer;
	private final Label status;
	private final Consumer<RuntimeSelection.Active> onActive = active -> UiJobs.later(this, this::reload);
	private List<MappingSummary> published = List.of();
	private List<Path> local = List.of();
	private long generation;

	private ExplorerOpener opener = ExplorerOpener.OUTSIDE_THE_WORKBENCH;

	public MappingExplorer(Composite parent, RuntimeSelection selection, MappingDrafts drafts) {
		super(parent, SWT.NONE);
		this.selection = selection;
		this.drafts = drafts;
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(this);
		filter = new Text(this, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filter.setMessage("Filter by name or partner");
		AccessibleNames.named(filter, "Filter mappings by name or partner");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
		filter.addModifyListener(e -> show());

		viewer = new TreeViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		Tree tree = viewer.getTree();
		tree.setHeaderVisible(true);
		AccessibleNames.named(tree, "Mappings by partner, and local drafts");
		GridDataFactory.fillDefaults().grab(true, true).applyTo(tree);
		// three columns, so the explorer fits beside the editor at 1280x800
		column("Mapping", 160, this::name);
		column("Maps", 145, element -> element instanceof MappingSummary m ? maps(m) : "");
		column("Version", 55, this::version);
		TableColumns.fitTitles(tree);
		viewer.setContentProvider(new Content());
		viewer.addOpenListener(event -> openSelected());
		tree.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.F5) {
				reload();
			} else if (e.keyCode == SWT.DEL) {
				deleteSelectedDraft(this::confirmDelete);
			}
		});

		Composite buttons = new Composite(this, SWT.NONE);
		buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(buttons);
		button(buttons, "&New…", () -> opener.newMapping());
		button(buttons, "&Open", this::openSelected);
		button(buttons, "Open as &draft", () -> openAsDraft());
		button(buttons, "&Bind to partner…", this::bindSelected);
		button(buttons, "&Import…", this::importDraft);
		button(buttons, "&Export…", this::exportSelected);
		button(buttons, "De&lete draft", () -> deleteSelectedDraft(this::confirmDelete));
		button(buttons, "&Refresh", this::reload);

		status = new Label(this, SWT.WRAP);
		AccessibleNames.named(status, "Mapping explorer status");
		GridDataFactory.fillDefaults().grab(true, false).hint(100, SWT.DEFAULT).applyTo(status);

		addDisposeListener(e -> selection.removeListener(onActive));
		selection.addListener(onActive); // tells the runtime active now at once: the first read
	}

	public void setOpener(ExplorerOpener opener) {
		this.opener = opener;
	}

	/**
	 * Opens what is selected: a draft to edit, a published mapping's latest version to read (read from the runtime
	 * in a Job).
	 */
	public void openSelected() {
		Object chosen = selected();
		if (chosen instanceof Path draft) {
			opener.openDraft(draft);
			return;
		}
		IntegrationRuntime runtime = selection.active().runtime();
		if (!(chosen instanceof MappingSummary mapping) || runtime == null) {
			status.setText("Choose a draft to edit, or a published mapping to read.");
			return;
		}
		status.setText("Reading " + mapping.name() + " v" + mapping.latestVersion() + "…");
		UiJobs.run(this, "Read " + mapping.name() + " v" + mapping.latestVersion(), () -> {
			byte[] xmi = runtime.mapping(mapping.name(), mapping.latestVersion());
			return () -> {
				status.setText(mapping.name() + " v" + mapping.latestVersion() + " is open to read");
				opener.openPublished(mapping.name(), mapping.latestVersion(), xmi);
			};
		}, status::setText);
	}

	/** Binds the selected published mapping to a partner's flow, asked for with the runtime's partners. */
	public void bindSelected() {
		IntegrationRuntime runtime = selection.active().runtime();
		if (!(selected() instanceof MappingSummary mapping) || runtime == null) {
			status.setText("Choose a published mapping to bind to a partner's flow.");
			return;
		}
		UiJobs.run(this, "Read the partners", () -> {
			List<String> partners = runtime.partners().stream().map(io.syncline.runtime.api.PartnerConfig::partnerId)
					.sorted().toList();
			Map<String, String> workflows = runtime.workflows();
			return () -> {
				io.syncline.ui.mapping.internal.wizard.FlowBinding binding = opener.askBinding(mapping, partners,
						workflows);
				if (binding != null) {
					bind(binding);
				}
			};
		}, status::setText);
	}

	/** Saves a binding through the partners API, in a Job. */
	public void bind(io.syncline.ui.mapping.internal.wizard.FlowBinding binding) {
		IntegrationRuntime runtime = selection.active().runtime();
		status.setText("Binding " + binding.mapping() + "…");
		UiJobs.run(this, "Bind " + binding.mapping() + " to " + binding.partnerId(), () -> {
			binding.bind(runtime);
			return () -> status.setText(binding.partnerId() + "'s " + binding.documentType() + " documents now go "
					+ "through " + binding.mapping());
		}, status::setText);
	}

	/** Shows the drafts of another folder (the analyst chose one in Preferences). */
	public void useDrafts(MappingDrafts other) {
		drafts = other;
		reload();
	}

	/** Reads the runtime's mappings and the drafts again, in a Job. */
	public void reload() {
		IntegrationRuntime runtime = selection.active().runtime();
		MappingDrafts folder = drafts;
		long mine = ++generation;
		status.setText(runtime == null ? selection.active().message() : "Reading the mappings…");
		UiJobs.run(this, "Reading the mappings", () -> {
			List<MappingSummary> read = runtime == null ? List.of() : runtime.mappings();
			List<Path> files = folder.list();
			return () -> {
				if (mine == generation) {
					published = read;
					local = files;
					status.setText(read.size() + " published in " + selection.active().connection().name() + ", "
							+ files.size() + " local draft" + (files.size() == 1 ? "" : "s")
							+ ": double-click one to open it, or New… to map a partner's document");
					status.setToolTipText("Local drafts are the .synmap files of " + folder.folder());
					show();
				}
			};
		}, why -> {
			if (mine == generation) {
				status.setText(why);
			}
		});
	}

	/** A new local draft of the selected published mapping's latest version, read from the runtime. */
	public void openAsDraft() {
		Object chosen = selected();
		IntegrationRuntime runtime = selection.active().runtime();
		if (!(chosen instanceof MappingSummary mapping) || runtime == null) {
			status.setText("Choose a published mapping to open as a draft.");
			return;
		}
		status.setText("Opening " + mapping.name() + " v" + mapping.latestVersion() + " as a draft…");
		UiJobs.run(this, "Opening " + mapping.name() + " as a draft", () -> {
			Path made = drafts.add(mapping.name(), runtime.mapping(mapping.name(), mapping.latestVersion()));
			return () -> {
				reload();
				status.setText(mapping.name() + " v" + mapping.latestVersion() + " is a draft now: " + made);
			};
		}, status::setText);
	}

	private void importDraft() {
		FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
		dialog.setText("Import a mapping");
		dialog.setFilterExtensions(new String[] { "*" + MappingDrafts.EXTENSION });
		String chosen = dialog.open();
		if (chosen != null) {
			importDraft(Path.of(chosen));
		}
	}

	/** A {@code .synmap} file copied in as a new draft. */
	public void importDraft(Path file) {
		UiJobs.run(this, "Importing " + file.getFileName(), () -> {
			Path made = drafts.importFile(file);
			return () -> {
				reload();
				status.setText("Imported " + made.getFileName());
			};
		}, status::setText);
	}

	private void exportSelected() {
		Object chosen = selected();
		if (!(chosen instanceof MappingSummary) && !(chosen instanceof Path)) {
			status.setText("Choose a mapping or a draft to export.");
			return;
		}
		FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
		dialog.setText("Export a mapping");
		dialog.setOverwrite(true);
		dialog.setFileName(chosen instanceof MappingSummary m ? m.name() + "-v" + m.latestVersion()
				+ MappingDrafts.EXTENSION : ((Path) chosen).getFileName().toString());
		String target = dialog.open();
		if (target != null) {
			exportSelected(Path.of(target));
		}
	}

	/** Writes the selected published mapping's latest version, or the selected draft, to {@code target}. */
	public void exportSelected(Path target) {
		Object chosen = selected();
		IntegrationRuntime runtime = selection.active().runtime();
		if (!(chosen instanceof MappingSummary) && !(chosen instanceof Path)) {
			status.setText("Choose a mapping or a draft to export.");
			return;
		}
		UiJobs.run(this, "Exporting to " + target.getFileName(), () -> {
			byte[] xmi = chosen instanceof MappingSummary m ? runtime.mapping(m.name(), m.latestVersion())
					: java.nio.file.Files.readAllBytes((Path) chosen);
			Path aside = target.resolveSibling("." + target.getFileName() + ".part");
			java.nio.file.Files.write(aside, xmi);
			java.nio.file.Files.move(aside, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return () -> status.setText("Exported to " + target);
		}, status::setText);
	}

	/** Deletes the selected draft once {@code confirmed} says so; a published mapping is never deleted here. */
	public void deleteSelectedDraft(BooleanSupplier confirmed) {
		if (!(selected() instanceof Path draft)) {
			status.setText("Choose a local draft to delete; the runtime keeps published versions.");
			return;
		}
		if (!confirmed.getAsBoolean()) {
			return;
		}
		UiJobs.run(this, "Deleting " + draft.getFileName(), () -> {
			drafts.delete(draft);
			return () -> {
				reload();
				status.setText("Deleted " + draft.getFileName());
			};
		}, status::setText);
	}

	private boolean confirmDelete() {
		return MessageDialog.openConfirm(getShell(), "Delete draft",
				"Delete the local draft " + ((Path) selected()).getFileName() + "? It is not published anywhere.");
	}

	private void show() {
		String wanted = filter.getText().strip().toLowerCase(Locale.ROOT);
		Map<String, List<MappingSummary>> byPartner = new LinkedHashMap<>();
		published.stream().filter(m -> matches(m, wanted))
				.sorted(java.util.Comparator.comparing((MappingSummary m) -> m.partnerId() == null ? "" : m.partnerId())
						.thenComparing(MappingSummary::name))
				.forEach(m -> byPartner.computeIfAbsent(m.partnerId(), p -> new ArrayList<>()).add(m));
		List<Object> roots = new ArrayList<>();
		byPartner.forEach((partner, mappings) -> roots.add(new PartnerGroup(partner, mappings)));
		roots.add(new Drafts(local.stream()
				.filter(f -> wanted.isEmpty() || f.getFileName().toString().toLowerCase(Locale.ROOT).contains(wanted))
				.toList()));
		viewer.setInput(roots);
		viewer.expandAll();
	}

	private static boolean matches(MappingSummary mapping, String wanted) {
		return wanted.isEmpty() || mapping.name().toLowerCase(Locale.ROOT).contains(wanted)
				|| mapping.partnerId() != null && mapping.partnerId().toLowerCase(Locale.ROOT).contains(wanted);
	}

	private Object selected() {
		return ((IStructuredSelection) viewer.getSelection()).getFirstElement();
	}

	private String name(Object element) {
		if (element instanceof PartnerGroup group) {
			return group.label();
		}
		if (element instanceof Drafts group) {
			return "Local drafts (" + group.files().size() + ")";
		}
		if (element instanceof MappingSummary mapping) {
			return mapping.name();
		}
		return element instanceof Path file ? file.getFileName().toString() : "";
	}

	private String version(Object element) {
		if (element instanceof MappingSummary mapping) {
			return "v" + mapping.latestVersion();
		}
		return element instanceof Path ? "draft" : "";
	}

	/** What a mapping maps, in a few words: {@code CSV → SupplierItem} inbound, {@code 850 from canonical} out. */
	static String maps(MappingSummary mapping) {
		return "OUTBOUND".equals(mapping.direction()) ? "model → " + mapping.target()
				: mapping.sourceFormat() + " → " + mapping.target();
	}

	private static String lower(String text) {
		return text == null ? "" : text.toLowerCase(Locale.ROOT);
	}

	public TreeViewer viewer() {
		return viewer;
	}

	public Text filter() {
		return filter;
	}

	public Label status() {
		return status;
	}

	private void column(String title, int width, java.util.function.Function<Object, String> text) {
		TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				String value = text.apply(element);
				return value == null ? "" : value;
			}
		});
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		AccessibleNames.named(button, text.replace("&", "").replace("…", ""));
		button.addListener(SWT.Selection, e -> action.run());
	}

	/** Partners and the drafts at the top, mappings and draft files under them. */
	private static final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			if (parent instanceof PartnerGroup group) {
				return group.mappings().toArray();
			}
			return parent instanceof Drafts group ? group.files().toArray() : new Object[0];
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return getChildren(element).length > 0;
		}
	}
}
