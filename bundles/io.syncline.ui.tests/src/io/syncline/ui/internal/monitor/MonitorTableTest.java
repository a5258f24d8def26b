package io.syncline.ui.internal.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.syncline.runtime.api.MessageSummary;

/**
 * The monitor's table on a real display as live reads put new messages on top: the rows in view are refreshed a
 * band a frame, and once a refresh has run its frames no row anywhere, in view or filled earlier and scrolled
 * away, still shows the message that stood at its place before.
 */
class MonitorTableTest {

	private static final int KEYS = 5;

	private Display display;
	private Shell shell;
	private MonitorTable rows;
	private final List<MessageSummary> journal = new ArrayList<>();

	@BeforeEach
	void open() {
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(1000, 600);
		rows = new MonitorTable(shell, () -> {
		});
		shell.open();
		for (long id = 3_000; id > 0; id--) {
			journal.add(row(id));
		}
	}

	@AfterEach
	void close() {
		shell.dispose();
	}

	@Test
	void afterNewMessagesOnTopEveryRowShowsItsOwnMessage() {
		show(1_000, 0, true);
		Table table = rows.table();
		scrollTo(table, 400); // fills rows far below the view, which the refresh must not leave stale
		scrollTo(table, 0);

		show(850, 150, false);
		dispatchFor(300);

		assertEquals(0, table.getTopIndex(), "at the top, the new messages come into view");
		assertEveryRowShowsItsMessage(table, 0, 40);
		assertEveryRowShowsItsMessage(table, 400, 440);
	}

	@Test
	void aUserScrolledDownKeepsLookingAtTheSameMessages() {
		show(1_000, 0, true);
		Table table = rows.table();
		scrollTo(table, 300);
		String looked = table.getItem(300).getText(KEYS);

		show(900, 100, false);
		dispatchFor(300);

		assertEquals(400, table.getTopIndex(), "the rows in view stay in view");
		assertEquals(looked, table.getItem(400).getText(KEYS));
		assertEveryRowShowsItsMessage(table, 0, 40);
		assertEveryRowShowsItsMessage(table, 400, 440);
	}

	/** Shows the journal from that index on, as a read that found {@code addedOnTop} new messages. */
	private void show(int from, int addedOnTop, boolean reset) {
		rows.show(new JournalFeed.Snapshot(journal.subList(from, journal.size()), false, addedOnTop, reset), "harbor",
				Set.of());
		snapshotFrom = from;
	}

	private int snapshotFrom;

	private void assertEveryRowShowsItsMessage(Table table, int first, int end) {
		for (int i = first; i < end; i++) {
			assertEquals(MessageText.keys(journal.get(snapshotFrom + i)), table.getItem(i).getText(KEYS),
					"row " + i);
		}
	}

	/** Scrolls there and lets GTK paint it: GTK may finish an earlier scroll first, so it is asked until it stays. */
	private void scrollTo(Table table, int index) {
		long giveUp = System.nanoTime() + 5_000_000_000L;
		int stayed = 0;
		while (stayed < 5 && System.nanoTime() < giveUp) {
			if (table.getTopIndex() != index) {
				table.setTopIndex(index);
				stayed = 0;
			} else {
				stayed++;
			}
			dispatchFor(50);
		}
		assertEquals(index, table.getTopIndex(), "scrolled");
	}

	private void dispatchFor(int millis) {
		boolean[] done = { false };
		display.timerExec(millis, () -> done[0] = true);
		while (!done[0]) {
			if (!display.readAndDispatch()) {
				display.sleep();
			}
		}
	}

	private static MessageSummary row(long id) {
		Instant at = Instant.parse("2026-12-04T10:00:00Z").plusMillis(id * 7);
		return new MessageSummary(id, "wms", "inventory-delta", "IN", "846", "delta-" + id + ".json", "APPLIED", null,
				3, null, at, at.plusMillis(40), 1_234, Map.of("ASN", "ASN-" + id), null);
	}
}
