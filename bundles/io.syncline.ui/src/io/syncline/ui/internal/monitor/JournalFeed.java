package io.syncline.ui.internal.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.api.RuntimeEvent;

/**
 * The rows a transaction monitor shows, newest first, read page by page as the user scrolls (keyset pages, never a
 * count of the whole journal) and kept current from live events: new messages are read once, in a catch-up after
 * the events that announced them, and what events say about rows already shown (applied, failed, progress) is
 * patched in place. Every method that reads the runtime blocks; call them off the UI thread. No SWT here.
 */
public final class JournalFeed {

	/** What the table shows after a read: the rows, whether more lie below, and how many came in on top. */
	public record Snapshot(List<MessageSummary> rows, boolean hasMore, int addedOnTop, boolean reset) {
	}

	public static final int PAGE_SIZE = 200;

	/** More rows than this are not held; the monitor asks to narrow the filter instead. */
	public static final int MOST_ROWS = 50_000;

	/** Catching up on more new messages than this reads the first page again instead of every one of them. */
	static final int MOST_CAUGHT_UP = 5_000;

	private final JournalQuery filter;
	private final List<MessageSummary> rows = new ArrayList<>();
	private final Map<Long, RuntimeEvent> heard = new ConcurrentHashMap<>();
	private long nextAfter;

	/** @param filter what to show; its order and paging are the feed's own */
	public JournalFeed(JournalQuery filter) {
		this.filter = filter.pageSize(PAGE_SIZE).after(0);
	}

	public JournalQuery filter() {
		return filter;
	}

	/** Reads the newest page, forgetting what was read before. */
	public synchronized Snapshot first(IntegrationRuntime runtime) {
		Page<MessageSummary> page = runtime.journal(filter.newestFirst());
		rows.clear();
		rows.addAll(page.items());
		nextAfter = page.nextAfter();
		heard.clear();
		return snapshot(0, true);
	}

	/** Reads the page below the last row shown. */
	public synchronized Snapshot more(IntegrationRuntime runtime) {
		if (!hasMore()) {
			return snapshot(0, false);
		}
		Page<MessageSummary> page = runtime.journal(filter.newestFirst().after(nextAfter));
		rows.addAll(page.items());
		nextAfter = page.nextAfter();
		return snapshot(0, false);
	}

	/**
	 * Reads the messages journaled since the newest row shown and puts them on top, then patches the rows that
	 * events spoke of. Too many new ones to be worth reading one by one, and the first page is read again.
	 */
	public synchronized Snapshot catchUp(IntegrationRuntime runtime) {
		if (rows.isEmpty()) {
			return first(runtime);
		}
		List<MessageSummary> fresh = new ArrayList<>();
		JournalQuery newer = filter.oldestFirst().pageSize(1_000).after(rows.get(0).id());
		while (true) {
			Page<MessageSummary> page = runtime.journal(newer);
			fresh.addAll(page.items());
			if (!page.hasNext()) {
				break;
			}
			if (fresh.size() >= MOST_CAUGHT_UP) {
				return first(runtime);
			}
			newer = newer.after(page.nextAfter());
		}
		Collections.reverse(fresh);
		rows.addAll(0, fresh);
		patch();
		return snapshot(fresh.size(), false);
	}

	/** Remembers what an event says of a message, for the next {@link #catchUp}; any thread. */
	public void heard(RuntimeEvent event) {
		if (event.messageId() != null) {
			heard.merge(event.messageId(), event, JournalFeed::later);
		}
	}

	/** A terminal outcome outranks progress, whatever order they came in. */
	private static RuntimeEvent later(RuntimeEvent known, RuntimeEvent next) {
		return isOutcome(known) && !isOutcome(next) ? known : next;
	}

	private static boolean isOutcome(RuntimeEvent event) {
		return event.type() == RuntimeEvent.Type.MESSAGE_APPLIED || event.type() == RuntimeEvent.Type.MESSAGE_FAILED
				|| event.type() == RuntimeEvent.Type.MESSAGE_QUARANTINED;
	}

	private void patch() {
		if (heard.isEmpty()) {
			return;
		}
		for (int i = 0; i < rows.size(); i++) {
			MessageSummary row = rows.get(i);
			RuntimeEvent event = heard.remove(row.id());
			if (event != null) {
				rows.set(i, patched(row, event));
			}
		}
		heard.clear();
	}

	/** The row as the event says it now stands; a row already read in a later state is left as it is. */
	static MessageSummary patched(MessageSummary row, RuntimeEvent event) {
		boolean stillReceiving = "RECEIVED".equals(row.status());
		if (event.type() == RuntimeEvent.Type.MESSAGE_PROGRESS && stillReceiving && event.progress() != null) {
			return with(row, row.status(), row.appliedAt(), event.progress());
		}
		if (isOutcome(event) && stillReceiving && event.status() != null) {
			Instant applied = row.appliedAt() != null ? row.appliedAt() : event.at();
			return with(row, event.status(), applied, null);
		}
		return row;
	}

	private static MessageSummary with(MessageSummary row, String status, Instant appliedAt,
			io.syncline.runtime.api.MessageProgress progress) {
		return new MessageSummary(row.id(), row.partnerId(), row.flow(), row.direction(), row.documentType(),
				row.sourceName(), status, row.chainId(), row.mappingVersion(), row.resubmitOf(), row.receivedAt(),
				appliedAt, row.payloadSize(), row.businessKeys(), progress, row.payloadPurgedAt());
	}

	private boolean hasMore() {
		return nextAfter > 0 && rows.size() < MOST_ROWS;
	}

	/** True once the monitor holds as many rows as it will: a narrower filter shows older ones. */
	public synchronized boolean full() {
		return nextAfter > 0 && rows.size() >= MOST_ROWS;
	}

	private Snapshot snapshot(int addedOnTop, boolean reset) {
		return new Snapshot(List.copyOf(rows), hasMore(), addedOnTop, reset);
	}
}
