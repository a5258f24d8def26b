package io.syncline.ui.internal.workbench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.ConnectionStore;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.runtime.ConsoleRuntime;
import io.syncline.ui.internal.selftest.SelfTest;
import io.syncline.ui.preferences.PreferenceKeys;

final class ConsoleWorkbenchAdvisor extends WorkbenchAdvisor {

	private final SelfTest selfTest;
	private ConsoleRuntime runtime;
	private ServiceRegistration<ConsoleRuntime> registration;
	private RuntimeSelection selection;
	private ServiceRegistration<RuntimeSelection> selectionRegistration;
	private UiWatchdog watchdog;

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

	/** Before the first window: the toolbar's runtime switcher needs the selection it switches. */
	@Override
	public void preStartup() {
		runtime = new ConsoleRuntime();
		ConsoleRuntime local = runtime;
		selection = new RuntimeSelection(new ConnectionStore(InstanceScope.INSTANCE.getNode(PreferenceKeys.QUALIFIER),
				SecurePreferencesFactory.getDefault().node("io.syncline/connections")), local::runtime);
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new ConsoleWindowAdvisor(configurer, selection);
	}

	@Override
	public void postStartup() {
		var bundle = FrameworkUtil.getBundle(getClass()).getBundleContext();
		registration = bundle.registerService(ConsoleRuntime.class, runtime, null);
		selectionRegistration = bundle.registerService(RuntimeSelection.class, selection, null);
		Connection remembered = selection.store().active();
		if (remembered.isLocal()) {
			// the local runtime is chosen once it runs; a failed start stays on it, saying why
			runtime.addListener(new java.util.function.Consumer<ConsoleRuntime.Status>() {
				@Override
				public void accept(ConsoleRuntime.Status status) {
					if (status.state() == ConsoleRuntime.State.READY) {
						runtime.removeListener(this);
						selection.restore();
					}
				}
			});
		} else {
			selection.restore();
		}
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
		// a freeze of two seconds is a bug to find: its stack goes to the log while it lasts; a probe every half
		// second is enough to see one, and wakes an idle UI thread no more than its own timers do
		watchdog = UiWatchdog.start(getWorkbenchConfigurer().getWorkbench().getDisplay(), Duration.ofMillis(500),
				Duration.ofSeconds(2), report -> Platform.getLog(ConsoleWorkbenchAdvisor.class).warn(report));
	}

	/**
	 * After the windows are gone: the database must be closed before the process ends, so this waits for it here,
	 * where nothing is left for the UI thread to paint.
	 */
	@Override
	public void postShutdown() {
		if (watchdog != null) {
			watchdog.close();
		}
		if (registration != null) {
			registration.unregister();
		}
		if (selectionRegistration != null) {
			selectionRegistration.unregister();
		}
		if (selection != null) {
			selection.close();
		}
		if (runtime != null) {
			runtime.close();
		}
	}
}
