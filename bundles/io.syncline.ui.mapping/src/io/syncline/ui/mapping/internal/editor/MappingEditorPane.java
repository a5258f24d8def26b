package io.syncline.ui.mapping.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;

import io.syncline.mapping.MappingProblem;
import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.mapping.internal.MappingDocument;
import io.syncline.ui.mapping.internal.editor.RuleEnds.End;

/**
 * The mapping editor's body, on a {@link MappingDocument}: the source tree, the lines, the target tree and the
 * selected rule's properties side by side; below them the rule list, the problems, the live preview, the lookup
 * tables and the source's options. Every change is a command on the document's stack, and everything shown is
 * laid out again from the mapping after each one, so undo and redo need nothing of their own. Rules are made by
 * dropping source nodes onto a target node or, from the keyboard, by selecting both and pressing Ctrl+L: the same
 * {@link RuleLinker} either way.
 */
public final class MappingEditorPane {

	private static final String READ_ONLY = "This version is open to read; open it as a draft to change it.";


	private final MappingDocument document;
	private final Composite composite;
	private final Composite header;
	private final Label title;
	private final Label status;
	private final SchemaTreePane sourcePane;
	private final SchemaTreePane targetPane;
	private final MappingCanvas canvas;
	private final RuleProperties properties;
	private final RuleTable rules;
	private final ProblemsTable problemsTable;
	private final PreviewPane preview;
	private final LookupsPane lookups;
	private final SourceOptionsPane sourceOptions;
	private final CTabFolder tabs;
	private final EditorChecks checks;
	private SelectionSync selections;
	private final CommandStackListener stackListener = event -> changed();
	private SchemaNode sourceRoot;
	private boolean sourceFromRules;
	private List<End> ends = List.of();
	private List<MappingProblem> problems = List.of();
	private SampleChooser sampleChooser = () -> null;

	/** Asks where the sample is (a file dialog in the workbench); null when the analyst cancels. */
	@FunctionalInterface
	public interface SampleChooser {
		Path choose();
	}

	public MappingEditorPane(Composite parent, MappingDocument document) {
		this.document = document;
		composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(1, false));
		header = new Composite(composite, SWT.NONE);
		header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		header.setLayout(new GridLayout(6, false));
		title = new Label(header, SWT.NONE);
		title.setFont(JFaceResources.getBannerFont());
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		List<Button> edits = List.of(
				button(header, "Link (Ctrl+L)", "Link the selected source and target nodes", this::linkSelected),
				button(header, "Constant…", "Give the selected target field the same value in every record",
						this::askConstant),
				button(header, "Delete rule", "Delete the selected rule", this::deleteSelected),
				button(header, "Undo", "Undo (Ctrl+Z)", this::undo),
				button(header, "Redo", "Redo (Ctrl+Shift+Z)", this::redo));
		if (document.isReadOnly()) {
			for (Button edit : edits) {
				edit.setEnabled(false);
				edit.setToolTipText("A published version is open to read: Open as draft to change it");
			}
		}
		status = AccessibleNames.named(new Label(composite, SWT.WRAP), "Editor status");
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		SashForm vertical = new SashForm(composite, SWT.VERTICAL);
		vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		SashForm sides = new SashForm(vertical, SWT.HORIZONTAL);
		sourcePane = new SchemaTreePane(sides, "Source", true);
		Composite middle = new Composite(sides, SWT.NONE);
		middle.setLayout(new org.eclipse.swt.layout.FillLayout());
		targetPane = new SchemaTreePane(sides, "Target", false);
		canvas = new MappingCanvas(middle, sourcePane.viewer(), targetPane.viewer());
		CompletionSources completions = new CompletionSources(document, this::selectedEnd, this::sourceRoot);
		properties = new RuleProperties(sides, document::domain, this::execute, completions::sourcePaths,
				completions::lookupNames);
		sides.setWeights(31, 9, 31, 29);
		tabs = new CTabFolder(vertical, SWT.BORDER | SWT.FLAT);
		rules = new RuleTable(tabs);
		tab("Rules", rules.viewer().getControl());
		problemsTable = new ProblemsTable(tabs, problem -> selections.reveal(problem, ends));
		tab("Problems", problemsTable.viewer().getControl());
		preview = new PreviewPane(tabs, this::chooseSample);
		tab("Preview", preview.control());
		lookups = new LookupsPane(tabs, document, this::execute);
		tab("Lookup tables", lookups.control());
		sourceOptions = new SourceOptionsPane(tabs, document, this::execute, completions::sourcePaths,
				completions::lookupNames);
		tab("Source options", sourceOptions.control());
		tabs.setSelection(0);
		vertical.setWeights(62, 38);
		checks = new EditorChecks(composite, this::showProblems);

		wire();
		document.commands().addCommandStackListener(stackListener);
		composite.addListener(SWT.Dispose, event -> {
			document.commands().removeCommandStackListener(stackListener);
			preview.cancelRun("closed");
		});
		rebuildTrees();
		changed();
		properties.setEditable(!document.isReadOnly());
	}

	private void tab(String name, Control control) {
		CTabItem item = new CTabItem(tabs, SWT.NONE);
		item.setText(name);
		item.setControl(control);
	}

	private Button button(Composite parent, String text, String name, Runnable action) {
		Button button = AccessibleNames.named(new Button(parent, SWT.PUSH), name);
		button.setText(text);
		button.setToolTipText(name);
		button.addListener(SWT.Selection, event -> action.run());
		return button;
	}

	private void wire() {
		selections = new SelectionSync(sourcePane, targetPane, canvas, rules, properties, tabs, this::say);
		LinkDrop.install(this, sourcePane, targetPane);
		for (Control control : new Control[] { sourcePane.viewer().getTree(), targetPane.viewer().getTree(),
				rules.viewer().getTable(), canvas.control() }) {
			control.addListener(SWT.KeyDown, this::key);
		}
	}

	/** Ctrl+L links, Delete deletes; Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y where the workbench does not take them. */
	private void key(Event event) {
		boolean mod = (event.stateMask & SWT.MOD1) != 0;
		if (mod && (event.keyCode == 'l' || event.keyCode == 'L')) {
			linkSelected();
			event.doit = false;
		} else if (event.keyCode == SWT.DEL && event.widget == rules.viewer().getTable()) {
			deleteSelected();
			event.doit = false;
		} else if (standaloneKeys && mod && (event.keyCode == 'z' || event.keyCode == 'Z')) {
			if ((event.stateMask & SWT.SHIFT) != 0) {
				redo();
			} else {
				undo();
			}
			event.doit = false;
		} else if (standaloneKeys && mod && (event.keyCode == 'y' || event.keyCode == 'Y')) {
			redo();
			event.doit = false;
		}
	}

	/** Outside the workbench (tests, dialogs) the pane takes the undo keys itself; in it, the workbench does. */
	private boolean standaloneKeys = true;

	public void setStandaloneKeys(boolean standalone) {
		standaloneKeys = standalone;
	}

	public Composite control() {
		return composite;
	}

	public MappingDocument document() {
		return document;
	}

	public void setSampleChooser(SampleChooser chooser) {
		sampleChooser = chooser;
	}

	/** A button in the editor's header, after the others (Publish…, Versions…). */
	public Button addAction(String text, String name, Runnable action) {
		Button button = button(header, text, name, action);
		((GridLayout) header.getLayout()).numColumns++;
		header.layout(true);
		return button;
	}

	/** Previews on a sample without reading its structure again (the mapping keeps the tree it had). */
	public void previewSample(Path file) {
		preview.setSample(file);
		preview.schedule(document.mapping());
	}

	/** Shows problems the runtime gave (a refused publish) until the next edit checks again. */
	public void showRefusal(List<MappingProblem> refused) {
		showProblems(refused);
		tabs.setSelection(1);
	}

	/** Says something in the editor's status line. */
	public void tell(String text) {
		say(text);
	}

	// ---- what changes do

	private void execute(Command command) {
		if (document.isReadOnly()) {
			say(READ_ONLY);
			return;
		}
		try {
			document.execute(command);
		} catch (IllegalArgumentException refused) {
			say(refused.getMessage());
		}
	}

	private void changed() {
		if (composite.isDisposed()) {
			return;
		}
		Mapping mapping = document.mapping();
		if (sourceRoot == null || sourceFromRules || mapping.getSourceSchema() != sourceRoot) {
			rebuildTrees();
		}
		ends = RuleEnds.of(mapping, sourceRoot, targetPane.root());
		End kept = rules.selected();
		rules.setEnds(ends, byRule(problems));
		Set<SchemaNode> sourcesMapped = Collections.newSetFromMap(new IdentityHashMap<>());
		Set<SchemaNode> targetsMapped = Collections.newSetFromMap(new IdentityHashMap<>());
		for (End end : ends) {
			sourcesMapped.addAll(end.sources());
			if (end.target() != null) {
				targetsMapped.add(end.target());
			}
		}
		sourcePane.setMapped(sourcesMapped);
		targetPane.setMapped(targetsMapped);
		canvas.setEnds(ends);
		End again = kept == null ? null : ends.stream().filter(end -> end.rule() == kept.rule()).findFirst()
				.orElse(null);
		if (again != null) {
			rules.select(again); // its selection event shows the rule's properties and both its ends
		} else {
			properties.show(null);
		}
		title.setText(heading(mapping));
		title.setToolTipText(mapping.getName() + ": " + String.valueOf(mapping.getDirection()).toLowerCase()
				+ " to " + mapping.getTargetType() + (document.isReadOnly() ? ", a published version open to read"
						: ", a local draft"));
		if (touched(io.syncline.mapping.model.LookupTable.class, io.syncline.mapping.model.LookupEntry.class)) {
			lookups.refresh();
		}
		if (touched(io.syncline.mapping.model.SourceSettings.class)) {
			sourceOptions.refresh();
		}
		checks.schedule(mapping, sourceFromRules ? null : sourceRoot);
		preview.schedule(mapping);
	}

	/**
	 * Whether the last change (done, undone or redone) may have touched objects of these kinds, or the mapping itself:
	 * the lookup tables and source options are shown again only then, not after each rule's edit.
	 */
	private boolean touched(Class<?>... kinds) {
		Command last = document.commands().getMostRecentCommand();
		if (last == null) {
			return true; // opening: show everything
		}
		for (Object affected : last.getAffectedObjects()) {
			if (affected instanceof Mapping) {
				return true;
			}
			for (Class<?> kind : kinds) {
				if (kind.isInstance(affected)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The name, and whether it is a draft or a published version; the rest is in the tooltip and the trees. */
	private String heading(Mapping mapping) {
		String version = mapping.getVersion() == null ? "" : " v" + mapping.getVersion().getNumber();
		return (document.isDirty() ? "*" : "") + mapping.getName()
				+ (document.isReadOnly() ? version + " · read-only" : " · draft");
	}

	private void rebuildTrees() {
		Mapping mapping = document.mapping();
		sourceFromRules = mapping.getSourceSchema() == null;
		sourceRoot = sourceFromRules ? SchemaTrees.fromRules(mapping) : mapping.getSourceSchema();
		sourcePane.setRoot(sourceRoot);
		if (targetPane.root() == null) {
			SchemaNode target;
			try {
				target = SchemaTrees.targetOf(mapping);
			} catch (IllegalArgumentException unknown) {
				say(unknown.getMessage());
				target = SchemaTrees.fromRules(io.syncline.mapping.model.MappingFactory.eINSTANCE.createMapping());
			}
			targetPane.setRoot(target);
		}
		if (sourceFromRules) {
			say("No sample read yet: the source tree shows the paths the rules name. Choose a sample (Preview › "
					+ "Sample…) to see the whole source and preview.");
		}
	}

	private void showProblems(List<MappingProblem> found) {
		problems = found;
		problemsTable.setProblems(found);
		rules.setProblems(byRule(found));
		long errors = found.stream().filter(MappingProblem::isError).count();
		tabs.getItem(1).setText("Problems (" + errors + " errors, " + (found.size() - errors) + " warnings)");
	}

	private static Map<String, List<MappingProblem>> byRule(List<MappingProblem> found) {
		Map<String, List<MappingProblem>> map = new HashMap<>();
		for (MappingProblem problem : found) {
			map.computeIfAbsent(problem.rulePath(), path -> new ArrayList<>()).add(problem);
		}
		return map;
	}

	// ---- actions

	/** Links the selected source nodes to the selected target node: Ctrl+L, the keyboard path. */
	public void linkSelected() {
		if (targetPane.selected().size() != 1) {
			say("Select one target node (and one or more source nodes), then press Ctrl+L.");
			return;
		}
		link(sourcePane.selected(), targetPane.selected().get(0));
	}

	/** What a drop and Ctrl+L both do: makes the rule, or says why not. */
	public void link(List<SchemaNode> sources, SchemaNode target) {
		if (make(linker -> linker.link(sources, target))) {
			ends.stream().filter(end -> end.target() == target).reduce((a, b) -> b).ifPresent(rules::select);
		}
	}

	/** Runs what the linker makes of the analyst's gesture, or says why it cannot be made. */
	private boolean make(java.util.function.Function<RuleLinker, Command> making) {
		if (document.isReadOnly()) {
			say(READ_ONLY);
			return false;
		}
		try {
			Command command = making.apply(new RuleLinker(document.domain(), document.mapping(), sourceRoot,
					targetPane.root()));
			execute(command);
			say(command.getLabel());
			return true;
		} catch (IllegalArgumentException refused) {
			say(refused.getMessage());
			return false;
		}
	}

	private void askConstant() {
		if (targetPane.selected().size() != 1) {
			say("Select the target field to give a value.");
			return;
		}
		SchemaNode target = targetPane.selected().get(0);
		org.eclipse.jface.dialogs.InputDialog dialog = new org.eclipse.jface.dialogs.InputDialog(composite.getShell(),
				"Constant", "The value of " + target.getName() + " in every record:", "", null);
		if (dialog.open() == org.eclipse.jface.window.Window.OK) {
			constant(target, dialog.getValue());
		}
	}

	/** Sets a target field to one value for every record (a rule with a default and no source). */
	public void constant(SchemaNode target, String value) {
		make(linker -> linker.constant(target, value));
	}

	public void deleteSelected() {
		End end = rules.selected();
		if (end == null) {
			say("Select a rule to delete.");
			return;
		}
		execute(DeleteCommand.create(document.domain(), end.rule()));
	}

	public void undo() {
		if (document.commands().canUndo()) {
			document.commands().undo();
		}
	}

	public void redo() {
		if (document.commands().canRedo()) {
			document.commands().redo();
		}
	}

	private void chooseSample() {
		Path file = sampleChooser.choose();
		if (file != null) {
			useSample(file);
		}
	}

	/** Reads a sample's tree (in a Job) and keeps it in the mapping, as one undoable change; previews on it. */
	public void useSample(Path file) {
		preview.setSample(file);
		SampleReader.read(composite, document, file, this::execute, this::say);
	}

	void say(String text) {
		if (!status.isDisposed()) {
			status.setText(text == null ? "" : text);
			composite.layout(true);
		}
	}

	// ---- what the editor, the wizard and tests read

	public List<End> ends() {
		return ends;
	}

	private End selectedEnd() {
		return rules.selected();
	}

	public List<MappingProblem> problems() {
		return problems;
	}

	public String statusText() {
		return status.getText();
	}

	public SchemaNode sourceRoot() {
		return sourceRoot;
	}

	public boolean sourceFromRules() {
		return sourceFromRules;
	}

	public SchemaNode targetRoot() {
		return targetPane.root();
	}

	/** Internal parts, for the editor part and the tests that drive them. */
	public EditorParts parts() {
		return new EditorParts(sourcePane.viewer(), targetPane.viewer(), canvas, rules.viewer(), problemsTable.viewer(),
				properties, preview, tabs, sourcePane.findField(), lookups, sourceOptions, checks);
	}

}
