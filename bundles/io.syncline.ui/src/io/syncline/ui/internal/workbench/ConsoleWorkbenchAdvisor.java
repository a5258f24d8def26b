package io.syncline.ui.internal.workbench;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.syncline.ui.internal.runtime.ConsoleRuntime;
import io.syncline.ui.internal.selftest.SelfTest;
import io.syncline.ui.preferences.PreferenceKeys;

final class ConsoleWorkbenchAdvisor extends WorkbenchAdvisor {

	private final SelfTest selfTest;
	private ConsoleRuntime runtime;
	private ServiceRegistration<ConsoleRuntime> registration;

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
		runtime = new ConsoleRuntime();
		registration = FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(ConsoleRuntime.class,
				runtime, null);
		IPreferencesService preferences = Platform.getPreferencesService();
		String mode = preferences.getString(PreferenceKeys.QUALIFIER, PreferenceKeys.RUNTIME_MODE,
				PreferenceKeys.MODE_LOCAL, null);
		String data = preferences.getString(PreferenceKeys.QUALIFIER, PreferenceKeys.LOCAL_DATA_DIRECTORY,
				System.getProperty("user.home") + "/.syncline/data", null);
		String tolerance = preferences.getString(PreferenceKeys.QUALIFIER, PreferenceKeys.PRICE_TOLERANCE_PERCENT, "2",
				null);
		runtime.start(PreferenceKeys.MODE_LOCAL.equals(mode), Path.of(data), new BigDecimal(tolerance));
		if (selfTest != null) {
			selfTest.start(getWorkbenchConfigurer().getWorkbench(), runtime);
		}
	}

	/**
	 * After the windows are gone: the database must be closed before the process ends, so this waits for it here,
	 * where nothing is left for the UI thread to paint.
	 */
	@Override
	public void postShutdown() {
		if (registration != null) {
			registration.unregister();
		}
		if (runtime != null) {
			runtime.close();
		}
	}
}
