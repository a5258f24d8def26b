package io.syncline.ui.mapping.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.syncline.mapping.MappingChecks;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingProblem;
import io.syncline.runtime.api.AccessDeniedException;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.InvalidContentException;
import io.syncline.runtime.api.MappingVersion;
import io.syncline.runtime.api.Role;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.mapping.internal.MappingDocument;

/**
 * Publishing the mapping open in the editor to the active runtime, local or remote alike: only for an ANALYST (a
 * VIEWER is told why not before trying), never with errors, and a runtime's refusal (422) comes back as problems at
 * their rules.
 */
public final class Publishing {

	private final RuntimeSelection selection;

	public Publishing(RuntimeSelection selection) {
		this.selection = selection;
	}

	/** Why the active runtime will not take a publish from this user, or null if it will. */
	public String whyNot() {
		RuntimeSelection.Active active = selection.active();
		if (active == null || !active.ready()) {
			return "No runtime is active: " + (active == null ? "connecting" : active.message());
		}
		Role role = active.runtime().principal().role();
		return role.includes(Role.ANALYST) ? null
				: "Publishing needs the role ANALYST; " + active.runtime().principal().user() + " is " + role + " in "
						+ active.connection().name();
	}

	/**
	 * Publishes in a Job; tells {@code done} the version made, or {@code refused} the problems (a local check's
	 * errors, the runtime's refusal at its rules, or why it could not be asked).
	 */
	public void publish(MappingEditorPane pane, String comment, Consumer<MappingVersion> done,
			Consumer<List<MappingProblem>> refused) {
		MappingDocument document = pane.document();
		String why = whyNot();
		if (why != null) {
			refused.accept(List.of(MappingProblem.error("", why)));
			return;
		}
		IntegrationRuntime runtime = selection.active().runtime();
		String name = document.mapping().getName();
		byte[] xmi;
		try {
			xmi = document.serialize();
		} catch (java.io.IOException e) {
			refused.accept(List.of(MappingProblem.error("", "cannot write " + name + ": " + e.getMessage())));
			return;
		}
		// checked in the Job, on a copy: compiling every rule is no work for the UI thread
		io.syncline.mapping.model.Mapping copy = MappingCopies.withoutTree(document.mapping());
		io.syncline.mapping.model.SchemaNode tree = pane.sourceFromRules() ? null : pane.sourceRoot();
		UiJobs.run(pane.control(), "Publish " + name + " to " + selection.active().connection().name(), () -> {
			List<MappingProblem> errors = MappingChecks.check(copy, MappingEnvironment.offline(), tree).stream()
					.filter(MappingProblem::isError).toList();
			if (!errors.isEmpty()) {
				return () -> refused.accept(errors); // a mapping with errors is never sent
			}
			try {
				MappingVersion made = runtime.publishMapping(name, xmi, comment);
				return () -> done.accept(made);
			} catch (InvalidContentException invalid) {
				List<MappingProblem> located = located(invalid.getMessage());
				return () -> refused.accept(located);
			} catch (AccessDeniedException denied) {
				return () -> refused.accept(List.of(MappingProblem.error("", denied.getMessage())));
			}
		}, failure -> refused.accept(List.of(MappingProblem.error("", failure))));
	}

	/** A runtime's refusal, one problem per line, each at the rule its label names. */
	static List<MappingProblem> located(String message) {
		List<MappingProblem> problems = new ArrayList<>();
		for (String line : message.split("\n")) {
			if (!line.isBlank()) {
				problems.add(MappingProblem.parse(line));
			}
		}
		return problems;
	}
}
