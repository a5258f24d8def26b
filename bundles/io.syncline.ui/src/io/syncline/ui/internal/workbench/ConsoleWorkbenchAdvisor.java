package io.syncline.ui.internal.workbench;

import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import io.syncline.ui.internal.selftest.SelfTest;

final class ConsoleWorkbenchAdvisor extends WorkbenchAdvisor {

	private final SelfTest selfTest;

	ConsoleWorkbenchAdvisor(SelfTest selfTest) {
		this.selfTest = selfTest;
	}

	@Override
	public void initialize(IWorkbenchConfigurer configurer) {
		super.initialize(configurer);
		// A self-test must see the shipped layout, not what an earlier session left behind.
		configurer.setSaveAndRestore(selfTest == null);
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return Perspectives.OPERATIONS;
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new ConsoleWindowAdvisor(configurer);
	}

	@Override
	public void postStartup() {
		if (selfTest != null) {
			selfTest.start(getWorkbenchConfigurer().getWorkbench());
		}
	}
}
