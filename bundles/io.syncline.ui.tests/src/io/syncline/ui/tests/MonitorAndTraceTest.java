package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;


import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.monitor.MonitorPanel;
import io.syncline.ui.internal.monitor.TracePanel;

/**
 * The transaction monitor and the trace, driven through their real SWT widgets over the Harbor scenario: on the
 * local runtime, then on a remote runtime on loopback (the same views, the same steps): the newest message first,
 * PO-45001 found by search, its trace opened with Enter (850 → 997 → 855 → 856 → 810), live rows arriving while
 * the monitor runs and held back while it is paused; a lost event stream said so.
 */
class MonitorAndTraceTest {


	@TempDir
	Path dir;

	private HarborConsole console;
	private LocalRuntime local;
	private Display display;
	private Shell shell;
	private RuntimeSelection selection;
	private MonitorPanel monitor;
	private TracePanel trace;

	@BeforeEach
	void harbor() throws Exception {
		console = HarborConsole.open(dir);
		local = console.local;
		display = console.display;
		shell = console.shell;
	}

	@AfterEach
	void close() throws Exception {
		console.close();
	}

	@Test
	void onTheLocalRuntime() throws Exception {
		selection = console.localSelection();
		open();
		selection.use(Connection.local(), null);
		searchTraceAndFollowLive("local");
	}

	@Test
	void onARemoteRuntimeOnLoopback() throws Exception {
		Connection remote = console.remote(Role.OPERATOR);
		selection = console.selection(false);
		open();
		selection.use(remote, null);
		searchTraceAndFollowLive("remote");

		console.stopServer();
		await(() -> monitor.live().getText().contains("lost, reconnecting"),
				"a lost event stream says so: " + monitor.live().getText());
	}

	private void open() {
		SashForm split = new SashForm(shell, SWT.VERTICAL);
		AtomicReference<TracePanel> traceRef = new AtomicReference<>();
		monitor = new MonitorPanel(split, selection, key -> traceRef.get().open(key));
		trace = new TracePanel(split, selection);
		traceRef.set(trace);
		console.show(1280, 800);
	}

	private void searchTraceAndFollowLive(String where) throws Exception {
		Table table = monitor.table();
		await(() -> rows(table).size() > 10 && !monitor.reading(), "the journal is shown: " + monitor.outcome().getText());
		assertEquals("Live", monitor.live().getText(), "the event stream is connected");
		List<MessageSummary> shown = rows(table);
		for (int i = 1; i < shown.size(); i++) {
			assertTrue(shown.get(i - 1).id() > shown.get(i).id(), "newest first, at row " + i);
		}
		long newest = shown.get(0).id();

		monitor.search("PO-45001");
		await(() -> !monitor.reading() && !rows(table).isEmpty()
				&& rows(table).stream().allMatch(row -> String.join(", ", row.businessKeys().values()).contains("PO-45001")),
				"only PO-45001's messages: " + monitor.outcome().getText());
		assertTrue(rows(table).size() >= 5, "its documents are found: " + rows(table).size());

		table.setFocus();
		table.setSelection(0);
		table.notifyListeners(SWT.DefaultSelection, new Event());
		await(() -> trace.documents().getItemCount() >= 5, "Enter opens the trace: " + trace.summary().getText());
		assertEquals("PO-45001", trace.key().getText());
		List<String> documents = new ArrayList<>();
		for (TableItem item : trace.documents().getItems()) {
			documents.add(item.getText(2));
		}
		assertEquals(List.of("850", "997", "855", "856", "810"),
				documents.stream().filter(List.of("850", "997", "855", "856", "810")::contains).toList(),
				"the document chain in order: " + documents);
		assertTrue(trace.summary().getText().startsWith("PO-45001: " + documents.size() + " documents"),
				trace.summary().getText());
		select(trace.documents(), documents.indexOf("855"));
		await(() -> trace.payload().getText().contains("BAK*"), "the 855's raw payload: " + trace.payload().getText());
		assertTrue(trace.effects().getText().contains("PO PO-45001"), trace.effects().getText());
		assertTrue(trace.effects().getText().contains("AF-LG-1420"), "the order's lines: " + trace.effects().getText());
		capture(where + "-trace.png");

		monitor.search("");
		await(() -> !monitor.reading() && rows(table).size() > 10, "every message again");
		byte[] events = Files.readAllBytes(Path.of(System.getProperty("syncline.demo"), "samples", "wms-events.jsonl"));
		long arrived = local.submit("wms", null, "wms-events-again.jsonl", events).messageId();
		await(() -> rows(table).get(0).id() == arrived, "a new message comes in on top, live");
		assertTrue(arrived > newest);

		monitor.pause().setSelection(true);
		monitor.pause().notifyListeners(SWT.Selection, new Event());
		long held = local.submit("wms", null, "wms-events-paused.jsonl", events).messageId();
		await(() -> monitor.live().getText().startsWith("Paused · ") && !monitor.live().getText().contains(" 0 new"),
				"paused, it counts what came: " + monitor.live().getText());
		pauseFor(3 * 500);
		assertEquals(arrived, rows(table).get(0).id(), "nothing moves while paused");
		monitor.pause().setSelection(false);
		monitor.pause().notifyListeners(SWT.Selection, new Event());
		await(() -> rows(table).get(0).id() == held, "resumed, it catches up");
		capture(where + "-monitor.png");
	}

	/** The rows as the table shows them, each filled as a user scrolling to it would have it filled. */
	private static List<MessageSummary> rows(Table table) {
		List<MessageSummary> rows = new ArrayList<>();
		int count = table.getItemCount();
		for (int i = 0; i < count; i++) {
			Object data = table.getItem(i).getData();
			if (data instanceof MessageSummary row) {
				rows.add(row);
			}
		}
		return rows;
	}

	private static void select(Table table, int index) {
		assertTrue(index >= 0, "the row is listed");
		table.setSelection(index);
		table.notifyListeners(SWT.Selection, new Event());
	}

	private void pauseFor(long millis) throws InterruptedException {
		long end = System.nanoTime() + millis * 1_000_000;
		while (System.nanoTime() < end) {
			if (!display.readAndDispatch()) {
				Thread.sleep(10);
			}
		}
	}

	private void capture(String name) throws Exception {
		Widgets.capture(shell, name);
	}

	private void await(BooleanSupplier condition, String what) throws InterruptedException {
		Widgets.await(display, condition, () -> what);
	}
}
