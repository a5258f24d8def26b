package io.syncline.runtime.local.tests;

import io.syncline.testing.Harbor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.Subscription;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;

/**
 * What monitors need of the API: the journal newest first by keyset, and events with ids that a subscriber that
 * lost its connection resumes from, missing nothing retained and seeing nothing twice.
 */
class H2EventsAndNewestFirstTest {

	@TempDir
	Path data;

	private Store store;
	private LocalRuntime runtime;

	@BeforeEach
	void start() throws Exception {
		store = Store.openH2(data);
		runtime = LocalRuntime.over(store, LocalSettings.harbor(data, Harbor.demo("mappings")));
	}

	@AfterEach
	void stop() {
		runtime.close();
		store.close();
	}

	private void event(String id) {
		runtime.submit("wms", null, id + ".jsonl", ("{\"eventId\": \"" + id + "\", \"type\": \"RECEIPT\", "
				+ "\"item\": \"HS-001000\", \"warehouse\": \"ATL\", \"qty\": 1, \"uom\": \"EA\", "
				+ "\"at\": \"2026-11-26T10:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theJournalPagesNewestFirstWithoutGapsOrRepeats() throws Exception {
		for (int i = 0; i < 7; i++) {
			event("newest-" + i);
		}
		List<Long> oldestFirst = runtime.journal(JournalQuery.all()).items().stream().map(MessageSummary::id).toList();
		List<Long> newestFirst = new ArrayList<>();
		JournalQuery query = JournalQuery.all().newestFirst().pageSize(3);
		int pages = 0;
		while (true) {
			Page<MessageSummary> page = runtime.journal(query);
			page.items().forEach(m -> newestFirst.add(m.id()));
			pages++;
			if (page.nextAfter() == 0) {
				break;
			}
			query = query.after(page.nextAfter());
		}
		List<Long> reversed = new ArrayList<>(oldestFirst);
		Collections.reverse(reversed);
		assertEquals(reversed, newestFirst, "the same messages, newest first, each once");
		assertEquals(3, pages, "7 messages in pages of 3");
		assertEquals(List.of(reversed.get(0)), runtime.journal(JournalQuery.all().newestFirst().pageSize(1)).items()
				.stream().map(MessageSummary::id).toList(), "the first page starts at the newest");
	}

	@Test
	void aSubscriberThatReconnectsGetsWhatItMissedOnceAndInOrder() throws Exception {
		List<RuntimeEvent> everything = new CopyOnWriteArrayList<>();
		try (Subscription always = runtime.subscribe(everything::add)) {
			List<RuntimeEvent> first = new CopyOnWriteArrayList<>();
			Subscription connection = runtime.subscribe(first::add);
			event("resume-1");
			Harbor.awaitEvent(first, e -> e.type() == RuntimeEvent.Type.MESSAGE_APPLIED);
			connection.close(); // the connection drops
			long lastSeen = first.get(first.size() - 1).id();
			event("resume-2");
			event("resume-3");
			Harbor.awaitEvent(everything, e -> e.type() == RuntimeEvent.Type.MESSAGE_APPLIED
					&& e.detail() != null && everything.stream().filter(x -> x.type() == RuntimeEvent.Type.MESSAGE_APPLIED)
							.count() == 3);

			List<RuntimeEvent> resumed = new CopyOnWriteArrayList<>();
			try (Subscription again = runtime.subscribe(lastSeen, resumed::add)) {
				event("resume-4");
				Harbor.awaitEvent(resumed, e -> e.type() == RuntimeEvent.Type.MESSAGE_APPLIED
						&& resumed.stream().filter(x -> x.type() == RuntimeEvent.Type.MESSAGE_APPLIED).count() == 3);
			}
			List<Long> ids = resumed.stream().map(RuntimeEvent::id).toList();
			List<Long> expected = everything.stream().map(RuntimeEvent::id).filter(id -> id > lastSeen).toList();
			assertEquals(expected, ids, "what came after the last id seen, in order, each once");
			for (int i = 1; i < ids.size(); i++) {
				assertEquals(ids.get(i - 1) + 1, ids.get(i), "no gap: " + ids);
			}
			assertTrue(ids.get(0) == lastSeen + 1, "starts right after the last one seen: " + ids + " after " + lastSeen);
		}
	}
}
