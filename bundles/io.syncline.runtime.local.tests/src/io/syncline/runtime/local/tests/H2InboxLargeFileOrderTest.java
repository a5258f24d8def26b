package io.syncline.runtime.local.tests;

import io.syncline.testing.Harbor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.local.Inbox;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;

/**
 * A file too large to hold, among small ones in one inbox poll: it goes alone as a stream, and the files before and
 * after it still apply in the order they came. Files from 2,000 bytes on take the large-file path here.
 */
class H2InboxLargeFileOrderTest {

	private static final String STREAM_FROM = "syncline.streamFromBytes";

	@TempDir
	Path data;

	private Store store;
	private LocalRuntime runtime;
	private Inbox inbox;

	@BeforeEach
	void start() throws Exception {
		System.setProperty(STREAM_FROM, "2000");
		store = Store.openH2(data);
		runtime = LocalRuntime.over(store, LocalSettings.harbor(data, Harbor.demo("mappings")));
		inbox = new Inbox(runtime, data, Duration.ZERO);
		inbox.createFolders();
	}

	@AfterEach
	void stop() {
		System.clearProperty(STREAM_FROM);
		runtime.close();
		store.close();
	}

	private static String receipt(int n) {
		return "{\"eventId\": \"o-" + n + "\", \"type\": \"RECEIPT\", \"item\": \"HS-001000\", \"warehouse\": \"ATL\", "
				+ "\"qty\": 1, \"uom\": \"EA\", \"at\": \"2026-11-26T10:00:00Z\"}\n";
	}

	private void drop(String name, String content, Instant modified) throws Exception {
		Path file = inbox.folder("wms").resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(file, FileTime.from(modified));
	}

	@Test
	void aLargeFileAmongSmallOnesKeepsThePartnersOrder() throws Exception {
		Harbor.submit(runtime, "wms", "samples/wms-atl-snapshot.xml");
		Instant earlier = Instant.now().minusSeconds(60);
		drop("a-events.jsonl", receipt(1), earlier);
		StringBuilder many = new StringBuilder();
		for (int n = 2; n <= 26; n++) {
			many.append(receipt(n));
		}
		assertTrue(many.length() >= 2000, "the middle file takes the large-file path");
		drop("b-events.jsonl", many.toString(), earlier.plusSeconds(1));
		drop("c-events.jsonl", receipt(27), earlier.plusSeconds(2));

		List<Inbox.Pickup> picked = inbox.poll();

		assertEquals(List.of("a-events.jsonl", "b-events.jsonl", "c-events.jsonl"),
				picked.stream().map(Inbox.Pickup::file).toList());
		assertTrue(picked.stream().allMatch(p -> p.result().clean()), picked.toString());
		List<String> applied = runtime.explainAtp("HS-001000", "ATL").changes().stream()
				.filter(c -> c.cause().equals("EVENT")).map(c -> c.reference()).toList();
		List<String> expected = new ArrayList<>();
		for (int n = 1; n <= 27; n++) {
			expected.add("o-" + n);
		}
		assertEquals(expected, applied, "every event once, in the order the files came");
		Map<String, MessageSummary> journaled = runtime.journal(JournalQuery.all().withPartner("wms")).items().stream()
				.collect(Collectors.toMap(MessageSummary::sourceName, m -> m, (a, b) -> b));
		assertNotNull(journaled.get("b-events.jsonl").progress(), "applied in chunks, with a checkpoint");
		assertEquals(25, journaled.get("b-events.jsonl").progress().records());
		assertNull(journaled.get("a-events.jsonl").progress(), "a small file is applied whole");
	}
}
