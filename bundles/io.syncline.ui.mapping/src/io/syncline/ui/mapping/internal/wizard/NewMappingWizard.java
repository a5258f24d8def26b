package io.syncline.ui.mapping.internal.wizard;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.jface.wizard.Wizard;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.mapping.internal.MappingDrafts;

/**
 * New mapping: partner, direction, document type, sample and target; on Finish the sample's structure is read
 * (off the UI thread, with progress), the draft is written to the drafts folder and opened in the editor.
 */
public final class NewMappingWizard extends Wizard {

	private final MappingDrafts drafts;
	private final RuntimeSelection selection;
	private final BiConsumer<Path, Path> open;
	private final NewMappingPage page = new NewMappingPage();
	private Path made;

	/** @param open opens the made draft in the editor, given the draft and its sample */
	public NewMappingWizard(MappingDrafts drafts, RuntimeSelection selection, BiConsumer<Path, Path> open) {
		this.drafts = drafts;
		this.selection = selection;
		this.open = open;
		setWindowTitle("New mapping");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		addPage(page);
	}

	@Override
	public void createPageControls(org.eclipse.swt.widgets.Composite pageContainer) {
		super.createPageControls(pageContainer);
		IntegrationRuntime runtime = selection == null || !selection.active().ready() ? null
				: selection.active().runtime();
		if (runtime != null) {
			UiJobs.run(pageContainer, "Read the partners", true, () -> {
				List<String> ids = runtime.partners().stream().map(PartnerConfig::partnerId).sorted().toList();
				return () -> page.setPartners(ids);
			}, why -> page.setMessage(why));
		}
	}

	@Override
	public boolean performFinish() {
		NewMapping spec = page.spec();
		String author = selection != null && selection.active().ready() ? selection.active().runtime().principal().user()
				: System.getProperty("user.name", "analyst");
		try {
			getContainer().run(true, false, monitor -> {
				monitor.beginTask("Reading the structure of " + (spec.sample() == null ? "the target"
						: spec.sample().getFileName()), -1);
				try {
					made = spec.create(drafts, author);
				} catch (Exception e) {
					throw new InvocationTargetException(e);
				} finally {
					monitor.done();
				}
			});
		} catch (InvocationTargetException e) {
			page.setErrorMessage(RuntimeFailure.reasonOf(e.getCause()));
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		open.accept(made, spec.sample());
		return true;
	}

	public NewMappingPage page() {
		return page;
	}
}
