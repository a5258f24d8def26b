package io.syncline.ui.internal.exceptions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.runtime.api.AuditEntry;
import io.syncline.runtime.api.Decision;
import io.syncline.runtime.api.ExceptionDetail;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.MappingVersion;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.api.ValidationReport;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.monitor.MessageText;
import io.syncline.ui.internal.widgets.TableColumns;
import io.syncline.ui.internal.widgets.WrappingRow;

/**
 * One exception, to resolve it: the error located in its payload (highlighted, the cursor on it), the payload in an
 * editor that the runtime's own parser and mapping validate before anything is kept, resubmit through a chosen
 * mapping version, accept or reject a price change, ignore, resolve or assign with a reason, and the audit history.
 * Every runtime call runs in a Job; {@code afterChange} tells the queue to read itself again.
 */
public final class ExceptionEditor extends Composite {

	private static final java.util.Map<Decision, String> PAST = java.util.Map.of(Decision.ACCEPT, "Accepted",
			Decision.REJECT, "Rejected", Decision.IGNORE, "Ignored", Decision.RESOLVE, "Resolved");

	private final RuntimeAccess runtime;
	private final Runnable afterChange;
	private final Label header;
	private final Label located;
	private final StyledText payload;
	private final org.eclipse.swt.widgets.List problems;
	private final Combo version;
	private final Label outcome;
	private final Table history;
	private final CTabFolder details;
	private final CTabItem problemsTab;
	private final Color highlight;
	private final List<Button> actions = new ArrayList<>();
	private final Button accept;
	private final Button reject;
	private ExceptionDetail shown;
	private String loadedText = "";
	private List<String> problemLocations = List.of();
	private List<Integer> versions = List.of();

	/** What the empty pane says, as Eclipse's own detail panes do. */
	static final String NOTHING_SHOWN = "Select an exception to see its payload, history and actions.";

	/** The active runtime, or null; read on the UI thread, used in Jobs. */
	interface RuntimeAccess {
		IntegrationRuntime get();
	}

	ExceptionEditor(Composite parent, RuntimeAccess runtime, Runnable afterChange) {
		super(parent, SWT.NONE);
		this.runtime = runtime;
		this.afterChange = afterChange;
		GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(this);
		header = AccessibleNames.named(new Label(this, SWT.WRAP), "Exception");
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(header);
		header.setText(NOTHING_SHOWN);
		located = AccessibleNames.named(new Label(this, SWT.WRAP), "Where the error is");
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(located);
		SashForm split = new SashForm(this, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
		payload = AccessibleNames.named(new StyledText(split, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL),
				"Payload to resubmit, editable");
		payload.setFont(JFaceResources.getTextFont());
		// the validation's problems and the audit history share the room under the payload, a tab each: on a
		// laptop the payload is what needs the lines (Ctrl+Page Down switches tabs)
		details = new CTabFolder(split, SWT.BOTTOM | SWT.BORDER);
		problems = AccessibleNames.named(new org.eclipse.swt.widgets.List(details, SWT.SINGLE | SWT.V_SCROLL),
				"Problems the runtime's validation found; select one to go to it");
		problems.addListener(SWT.Selection, e -> goToProblem());
		history = AccessibleNames.named(new Table(details, SWT.FULL_SELECTION), "Audit history");
		problemsTab = tab(details, "&Problems", problems);
		tab(details, "&History", history);
		details.setSelection(1);
		history.setHeaderVisible(true);
		for (String[] column : new String[][] { { "When", "140" }, { "Who", "90" }, { "Action", "110" },
				{ "Reason", "220" }, { "Change", "320" } }) {
			TableColumn each = new TableColumn(history, SWT.LEFT);
			each.setText(column[0]);
			each.setWidth(Integer.parseInt(column[1]));
		}
		TableColumns.fit(history, "exceptions.history");
		split.setWeights(65, 35);
		Composite buttons = WrappingRow.in(this);
		button(buttons, "&Validate", "Validate the payload as edited", this::validate);
		version = AccessibleNames.named(new Combo(buttons, SWT.READ_ONLY), "Mapping version for the resubmit");
		version.add("Published mapping");
		version.select(0);
		button(buttons, "Save and Res&ubmit", "Save the edit and resubmit through the chosen mapping version",
				this::resubmit);
		accept = button(buttons, "&Accept…", "Accept the price change", () -> decide(Decision.ACCEPT));
		reject = button(buttons, "Re&ject…", "Reject the price change", () -> decide(Decision.REJECT));
		button(buttons, "&Ignore…", "Ignore the exception", () -> decide(Decision.IGNORE));
		button(buttons, "Resol&ve…", "Mark the exception resolved", () -> decide(Decision.RESOLVE));
		button(buttons, "Assig&n…", "Assign the exception", this::assign);
		outcome = AccessibleNames.named(new Label(this, SWT.WRAP), "Outcome of the last action");
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(outcome);
		highlight = new Color(getDisplay(), 255, 220, 120);
		addListener(SWT.Dispose, e -> highlight.dispose());
		enable(false);
	}

	private static CTabItem tab(CTabFolder folder, String title, Control content) {
		CTabItem item = new CTabItem(folder, SWT.NONE);
		item.setText(title);
		item.setControl(content);
		return item;
	}

	private Button button(Composite parent, String text, String name, Runnable action) {
		Button button = AccessibleNames.named(new Button(parent, SWT.PUSH), name);
		button.setText(text);
		button.addListener(SWT.Selection, e -> action.run());
		actions.add(button);
		return button;
	}

	private void enable(boolean on) {
		actions.forEach(button -> button.setEnabled(on));
		if (on && shown != null) {
			boolean priceChange = "PRICE_CHANGE".equals(shown.exception().kind());
			accept.setEnabled(priceChange);
			reject.setEnabled(priceChange);
		}
	}

	/** Reads and shows an exception, validating its current payload as it comes. */
	void show(long exceptionId) {
		show(exceptionId, "");
	}

	/** As {@link #show(long)}, then saying {@code said} (what the action before it did). */
	private void show(long exceptionId, String said) {
		IntegrationRuntime bound = runtime.get();
		if (bound == null) {
			return;
		}
		outcome.setText(said.isEmpty() ? "Reading exception " + exceptionId + "…" : said);
		run("Reading exception " + exceptionId, bound, at -> {
			ExceptionDetail detail = at.exception(exceptionId);
			ValidationReport report = null;
			List<Integer> known = List.of();
			if (detail.payload() != null && detail.message() != null) {
				try {
					report = at.validate(exceptionId);
					String mapping = report.mapping() == null ? null : report.mapping().replaceAll(" v\\d+$", "");
					known = mapping == null ? List.of()
							: at.mappingVersions(mapping).stream().map(MappingVersion::version).toList();
				} catch (RuntimeException cannot) {
					report = new ValidationReport(null, null, 0, List.of("not validated: " + RuntimeFailure.reasonOf(cannot)));
				}
			}
			ValidationReport validated = report;
			List<Integer> found = known;
			return () -> shown(detail, validated, found, said);
		});
	}

	private void shown(ExceptionDetail detail, ValidationReport report, List<Integer> known, String said) {
		shown = detail;
		var exception = detail.exception();
		header.setText(exception.kind() + " #" + exception.id() + (exception.businessKey() == null ? ""
				: " · " + exception.businessKey()) + " · " + exception.state() + " · " + exception.attempts()
				+ " attempt(s)" + (exception.assignee() == null ? "" : " · assigned to " + exception.assignee())
				+ "\n" + exception.detail());
		loadedText = detail.payload() == null ? "" : new String(detail.payload(), StandardCharsets.UTF_8);
		payload.setText(loadedText);
		payload.setEditable(detail.payload() != null && isOpen());
		versions = known;
		version.removeAll();
		version.add("Published mapping");
		known.forEach(v -> version.add("Version " + v));
		version.select(0);
		showReport(report);
		locate(exception.location(), exception.location());
		history.removeAll();
		for (AuditEntry entry : detail.history()) {
			new TableItem(history, SWT.NONE).setText(new String[] { MessageText.time(entry.at()), entry.actor(),
					entry.action(), entry.reason() == null ? "" : entry.reason(),
					(entry.before() == null ? "" : entry.before()) + " → " + (entry.after() == null ? "" : entry.after()) });
		}
		enable(isOpen());
		outcome.setText(said + (detail.payloadEdited() && isOpen()
				? (said.isEmpty() ? "" : " ") + "The payload shown is an edit; the original stays in the journal." : ""));
		layout(true, true);
	}

	private boolean isOpen() {
		return shown != null && ("OPEN".equals(shown.exception().state())
				|| "RETRYING".equals(shown.exception().state()));
	}

	private void showReport(ValidationReport report) {
		problems.removeAll();
		List<String> locations = new ArrayList<>();
		if (report == null) {
			problemLocations = locations;
			return;
		}
		if (report.valid()) {
			problems.add("Valid: " + report.records() + " record(s) map cleanly through " + report.mapping() + ".");
			locations.add(null);
		}
		for (String problem : report.problems()) {
			problems.add(problem);
			int colon = problem.indexOf(": ");
			locations.add(colon > 0 ? problem.substring(0, colon) : null);
		}
		problemLocations = locations;
	}

	private void goToProblem() {
		int index = problems.getSelectionIndex();
		if (index >= 0 && index < problemLocations.size() && problemLocations.get(index) != null) {
			locate(problemLocations.get(index), problems.getItem(index));
		}
	}

	/** Highlights where the location points and puts the cursor there; says so when it cannot be found. */
	private void locate(String location, String said) {
		payload.setStyleRange(null);
		PayloadLocator.Range range = PayloadLocator.locate(payload.getText(), location);
		if (range == null) {
			located.setText(location == null ? "The error has no location in the payload." : "Located: " + location);
			return;
		}
		StyleRange style = new StyleRange(range.start(), Math.max(1, range.length()), null, highlight);
		style.fontStyle = SWT.BOLD;
		if (range.start() + style.length <= payload.getCharCount()) {
			payload.setStyleRange(style);
		}
		payload.setSelection(range.start());
		payload.showSelection();
		located.setText("At " + range.what() + " (" + location + "): " + excerpt(range));
	}

	private String excerpt(PayloadLocator.Range range) {
		String text = payload.getText(range.start(), Math.max(range.start(), range.start() + range.length() - 1));
		return text.length() > 60 ? text.substring(0, 59) + "…" : "'" + text + "'";
	}

	private Integer chosenVersion() {
		int index = version.getSelectionIndex();
		return index <= 0 ? null : versions.get(index - 1);
	}

	private void validate() {
		long id = shown.exception().id();
		byte[] candidate = payload.getText().getBytes(StandardCharsets.UTF_8);
		Integer through = chosenVersion();
		outcome.setText("Validating…");
		run("Validating exception " + id, runtime.get(), at -> {
			ValidationReport report = at.validate(id, candidate, through);
			return () -> {
				showReport(report);
				if (!report.valid()) {
					problems.select(0);
					details.setSelection(problemsTab);
					goToProblem();
				}
				outcome.setText(report.valid() ? "Valid: ready to resubmit." : report.problems().size()
						+ " problem(s); the first is highlighted.");
			};
		});
	}

	private void resubmit() {
		long id = shown.exception().id();
		String text = payload.getText();
		boolean edited = !text.equals(loadedText);
		String reason = edited ? Prompts.reason(getShell(), "Save the edit", "Why is the payload changed?") : "";
		if (reason == null) {
			return;
		}
		Integer through = chosenVersion();
		outcome.setText("Resubmitting…");
		run("Resubmitting exception " + id, runtime.get(), at -> {
			if (edited) {
				at.editPayload(id, text.getBytes(StandardCharsets.UTF_8), reason);
			}
			var result = at.resubmit(id, through);
			return () -> {
				afterChange.run();
				show(id, "Resubmitted as message " + result.messageId() + ": " + result.status()
						+ (result.problems().isEmpty() ? "." : ", " + result.problems().get(0)));
			};
		});
	}

	private void decide(Decision decision) {
		long id = shown.exception().id();
		String verb = decision.name().charAt(0) + decision.name().substring(1).toLowerCase();
		String reason = Prompts.reason(getShell(), verb, verb + " exception " + id + " (" + shown.exception().kind()
				+ ")?");
		if (reason == null) {
			return;
		}
		run(verb + " exception " + id, runtime.get(), at -> {
			at.decide(id, decision, reason);
			return () -> {
				afterChange.run();
				show(id, PAST.get(decision) + " exception " + id + ".");
			};
		});
	}

	private void assign() {
		long id = shown.exception().id();
		String who = Prompts.assignee(getShell(), shown.exception().assignee());
		if (who == null) {
			return;
		}
		run("Assigning exception " + id, runtime.get(), at -> {
			at.assign(id, who);
			return () -> {
				afterChange.run();
				show(id, "Assigned to " + who + ".");
			};
		});
	}

	/** Runs a call in a Job; what it returns runs on the UI thread; a failure is said in words, never a trace. */
	private void run(String what, IntegrationRuntime bound, Function<IntegrationRuntime, Runnable> call) {
		if (bound == null) {
			outcome.setText("No runtime in use.");
			return;
		}
		UiJobs.run(this, what, () -> call.apply(bound), outcome::setText);
	}

	public StyledText payload() {
		return payload;
	}

	public org.eclipse.swt.widgets.List problems() {
		return problems;
	}

	public Label located() {
		return located;
	}

	public Label outcome() {
		return outcome;
	}

	public Label header() {
		return header;
	}

	public Table history() {
		return history;
	}

	public Combo version() {
		return version;
	}

	public ExceptionDetail shown() {
		return shown;
	}
}
