package io.syncline.ui.internal.selftest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;

import io.syncline.branding.Branding;
import io.syncline.ui.internal.runtime.ConsoleRuntime;
import io.syncline.ui.internal.workbench.Perspectives;
import io.syncline.ui.internal.workbench.Perspectives.Perspective;

/**
 * The console's smoke test, run inside the real product ({@code syncline -selfTest DIR}): it checks the window fills
 * the screen, waits for the local runtime to be ready (a first start loads the demo tenant), switches the real
 * workbench window through every perspective, checks the perspective and its views are showing and that every
 * control can be read at the screen's size ({@link LayoutCheck}, with each view of a stack brought to the top in
 * turn), captures the window to {@code DIR/<perspective>.png}, then closes the workbench. It runs on the UI thread in small steps with
 * {@code timerExec}, so the window paints between steps; screenshots are written to disk off the UI thread.
 * Results go to stdout, one line per check, for the product test that launched it.
 */
public final class SelfTest {

	private static final int SETTLE_MILLIS = 800;
	/** After the runtime is ready: time for the views to read the demo tenant before they are looked at. */
	private static final int VIEWS_READ_MILLIS = 3000;
	private static final long RUNTIME_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(150);

	private final Path screenshots;
	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
	private final List<CompletableFuture<Void>> writes = new ArrayList<>();
	private boolean finished;
	private ConsoleRuntime runtime;
	private String size;
	private final java.util.Set<String> layoutSeen = new java.util.HashSet<>();

	public SelfTest(Path screenshots) {
		this.screenshots = screenshots;
	}

	public boolean passed() {
		return finished && failures.isEmpty();
	}

	public void start(IWorkbench workbench, ConsoleRuntime runtime) {
		this.runtime = runtime;
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		Shell shell = window.getShell();
		String expectedTitle = Branding.current().windowTitle();
		report(expectedTitle.equals(shell.getText()), "window title is '" + shell.getText() + "'");
		Rectangle screen = shell.getMonitor().getClientArea();
		size = screen.width + "x" + screen.height;
		Rectangle bounds = shell.getBounds();
		report(bounds.width >= screen.width - 2 && bounds.height >= screen.height - 2,
				"window fills the " + size + " screen on a first start (" + bounds.width + "x" + bounds.height + ")");
		awaitRuntime(workbench, System.nanoTime() + RUNTIME_WAIT_NANOS,
				() -> next(workbench, window, Perspectives.ALL.iterator()));
	}

	private void next(IWorkbench workbench, IWorkbenchWindow window, Iterator<Perspective> perspectives) {
		if (!perspectives.hasNext()) {
			finish(workbench);
			return;
		}
		nextPerspective(workbench, window, perspectives);
	}

	/**
	 * The local runtime starts in a Job while the window is in use; once it is ready (or has failed), the self-test
	 * says so, with the message the Runtimes view shows, and goes on, so the views it then looks at show the demo
	 * tenant. Polled with timerExec: the UI thread never waits.
	 */
	private void awaitRuntime(IWorkbench workbench, long deadline, Runnable then) {
		ConsoleRuntime.Status status = runtime.status();
		boolean settled = status.state() != ConsoleRuntime.State.STARTING;
		if (!settled && System.nanoTime() < deadline) {
			workbench.getDisplay().timerExec(250, () -> awaitRuntime(workbench, deadline, then));
			return;
		}
		report(status.state() == ConsoleRuntime.State.READY, "local runtime " + status.state() + ": " + status.message());
		workbench.getDisplay().timerExec(VIEWS_READ_MILLIS, then);
	}

	private void finish(IWorkbench workbench) {
		Display display = workbench.getDisplay();
		// The screenshots are written off the UI thread; wait for them without blocking it.
		CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
				.whenComplete((ok, error) -> display.asyncExec(() -> {
					finished = true;
					System.out.println(failures.isEmpty() ? "self-test: passed" : "self-test: FAILED " + failures);
					workbench.close();
				}));
	}

	private void nextPerspective(IWorkbench workbench, IWorkbenchWindow window, Iterator<Perspective> perspectives) {
		Display display = workbench.getDisplay();
		Perspective perspective = perspectives.next();
		IWorkbenchPage page = window.getActivePage();
		IPerspectiveDescriptor descriptor = workbench.getPerspectiveRegistry().findPerspectiveWithId(perspective.id());
		if (descriptor == null) {
			report(false, "perspective " + perspective.id() + " is not registered");
			display.asyncExec(() -> next(workbench, window, perspectives));
			return;
		}
		page.setPerspective(descriptor);
		display.timerExec(SETTLE_MILLIS, () -> {
			check(page, perspective);
			checkLayout(window.getShell(), perspective.shortName());
			capture(window.getShell(), screenshots.resolve(perspective.shortName() + ".png"));
			Iterator<IViewReference> views = List.of(page.getViewReferences()).iterator();
			Runnable after = () -> next(workbench, window, perspectives);
			eachView(window, perspective, views, Perspectives.DESIGN.equals(perspective.id())
					? () -> openFirstMapping(window, System.nanoTime() + EDITOR_WAIT_NANOS, after) : after);
		});
	}

	private static final long EDITOR_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(20);

	/**
	 * In the Design perspective, opens the explorer's first published mapping as an analyst would (a double-click),
	 * waits for the mapping editor, and checks and captures the window with it ({@code design-editor.png}).
	 */
	private void openFirstMapping(IWorkbenchWindow window, long deadline, Runnable then) {
		Display display = window.getShell().getDisplay();
		IWorkbenchPage page = window.getActivePage();
		org.eclipse.ui.IViewPart view = page.findView(Perspectives.MAPPINGS_VIEW);
		org.eclipse.swt.widgets.Tree tree = view instanceof io.syncline.ui.views.SelectionView selectionView
				&& selectionView.content() != null ? firstTree(selectionView.content()) : null;
		org.eclipse.swt.widgets.TreeItem first = tree == null || tree.getItemCount() == 0
				|| tree.getItem(0).getItemCount() == 0 ? null : tree.getItem(0).getItem(0);
		if (first == null) {
			if (System.nanoTime() < deadline) {
				display.timerExec(250, () -> openFirstMapping(window, deadline, then));
			} else {
				report(false, "the mapping explorer lists a published mapping to open");
				display.asyncExec(then);
			}
			return;
		}
		tree.setSelection(first);
		tree.notifyListeners(SWT.Selection, selectionEvent(first));
		tree.notifyListeners(SWT.DefaultSelection, selectionEvent(first));
		awaitEditor(window, deadline, first.getText(), then);
	}

	private static org.eclipse.swt.widgets.Event selectionEvent(org.eclipse.swt.widgets.TreeItem item) {
		org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
		event.item = item;
		return event;
	}

	private void awaitEditor(IWorkbenchWindow window, long deadline, String mapping, Runnable then) {
		Display display = window.getShell().getDisplay();
		if (window.getActivePage().getActiveEditor() == null && System.nanoTime() < deadline) {
			display.timerExec(250, () -> awaitEditor(window, deadline, mapping, then));
			return;
		}
		var editor = window.getActivePage().getActiveEditor();
		report(editor != null, "the mapping editor opens " + mapping + (editor == null ? "" : ": " + editor.getTitle()));
		display.timerExec(SETTLE_MILLIS, () -> {
			checkLayout(window.getShell(), "design with the mapping editor");
			capture(window.getShell(), screenshots.resolve("design-editor.png"));
			display.asyncExec(then);
		});
	}

	private static org.eclipse.swt.widgets.Tree firstTree(org.eclipse.swt.widgets.Control control) {
		if (control instanceof org.eclipse.swt.widgets.Tree tree) {
			return tree;
		}
		if (control instanceof org.eclipse.swt.widgets.Composite composite) {
			for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
				org.eclipse.swt.widgets.Tree found = firstTree(child);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Brings each view of the perspective to the top of its stack in turn, and checks the window's layout then. */
	private void eachView(IWorkbenchWindow window, Perspective perspective, Iterator<IViewReference> views,
			Runnable then) {
		Display display = window.getShell().getDisplay();
		if (!views.hasNext()) {
			display.asyncExec(then);
			return;
		}
		IViewReference view = views.next();
		try {
			window.getActivePage().showView(view.getId());
		} catch (PartInitException e) {
			report(false, "view " + view.getId() + " opens: " + e.getMessage());
		}
		display.timerExec(SETTLE_MILLIS, () -> {
			checkLayout(window.getShell(), perspective.shortName() + " with " + view.getPartName() + " on top");
			eachView(window, perspective, views, then);
		});
	}

	/** Every control a user cannot read at this size, once per control and size. */
	private void checkLayout(Shell shell, String where) {
		List<String> problems = LayoutCheck.problems(shell);
		int before = failures.size();
		for (String problem : problems) {
			if (layoutSeen.add(problem)) {
				report(false, "layout " + size + " " + where + ": " + problem);
			}
		}
		if (failures.size() == before) {
			report(true, "layout " + size + " " + where + ": every control inside its parent, every text fits");
		}
	}

	private void check(IWorkbenchPage page, Perspective perspective) {
		String active = page.getPerspective() == null ? null : page.getPerspective().getId();
		report(perspective.id().equals(active), "perspective " + perspective.shortName() + " active (" + active + ")");
		for (String viewId : perspective.viewIds()) {
			var view = page.findView(viewId);
			report(view != null && page.isPartVisible(view), "view " + viewId + " visible in " + perspective.shortName());
		}
	}

	/** Copies the window's pixels on the UI thread (SWT requires it) and writes the PNG on a worker thread. */
	private void capture(Shell shell, Path file) {
		Display display = shell.getDisplay();
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		ImageData data;
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			data = image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
		writes.add(CompletableFuture.runAsync(() -> {
			try {
				Files.createDirectories(file.getParent());
				ImageLoader loader = new ImageLoader();
				loader.data = new ImageData[] { data };
				loader.save(file.toString(), SWT.IMAGE_PNG);
				report(Files.size(file) > 0, "screenshot " + file);
			} catch (IOException | RuntimeException e) {
				report(false, "screenshot " + file + ": " + e.getMessage());
			}
		}));
	}

	private synchronized void report(boolean ok, String check) {
		System.out.println("self-test: " + (ok ? "ok " : "FAIL ") + check);
		if (!ok) {
			failures.add(check);
		}
	}
}
