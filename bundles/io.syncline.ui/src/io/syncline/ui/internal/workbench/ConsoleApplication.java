package io.syncline.ui.internal.workbench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

import io.syncline.ui.internal.selftest.SelfTest;

/**
 * Starts the console workbench. {@code -selfTest DIR} runs the built-in smoke test: every perspective is opened,
 * checked and captured to DIR, then the console closes with exit code 0 only if all passed.
 */
public final class ConsoleApplication implements IApplication {

	static final String SELF_TEST_OPTION = "-selfTest";

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
				new String[0]);
		SelfTest selfTest = selfTest(Arrays.asList(args));
		Display display = PlatformUI.createDisplay();
		try {
			int code = PlatformUI.createAndRunWorkbench(display, new ConsoleWorkbenchAdvisor(selfTest));
			if (code == PlatformUI.RETURN_RESTART) {
				return IApplication.EXIT_RESTART;
			}
			return selfTest != null && !selfTest.passed() ? Integer.valueOf(1) : IApplication.EXIT_OK;
		} finally {
			display.dispose();
		}
	}

	private static SelfTest selfTest(List<String> args) {
		int at = args.indexOf(SELF_TEST_OPTION);
		if (at < 0) {
			return null;
		}
		if (at + 1 >= args.size()) {
			throw new IllegalArgumentException(SELF_TEST_OPTION + " needs a directory for the screenshots");
		}
		return new SelfTest(Path.of(args.get(at + 1)));
	}

	@Override
	public void stop() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		IWorkbench workbench = PlatformUI.getWorkbench();
		Display display = workbench.getDisplay();
		display.syncExec(() -> {
			if (!display.isDisposed()) {
				workbench.close();
			}
		});
	}
}
