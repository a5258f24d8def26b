package io.syncline.runtime.local.tests;

import static io.syncline.testing.Harbor.demo;
import static io.syncline.runtime.local.tests.Listing.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.syncline.runtime.local.Inbox;

/**
 * BigBox 850s dropped into the inbox of a runtime with the demo tenant loaded, as a partner drops them into a
 * served runtime: the files of one poll go in one batch, and each order is answered with its 855 and each
 * interchange with its 997, with control numbers that have no gaps and no repeats. Until the 997 took its numbers
 * in the batch's transaction, its own transaction waited for the counter row the batch held for the 855, and the
 * inbox thread spun in H2 for ever.
 */
class InboxEdiOrdersTest extends HarborInbox {

	@ParameterizedTest(name = "{0} order(s) claimed in one poll")
	@ValueSource(ints = { 1, 2, 5, 100 })
	void everyOrderOfOnePollIsAnsweredWithAn855AndA997(int orders) throws Exception {
		String order = Files.readString(demo("samples/edi/bigbox-850-customer-order.edi"));
		Map<String, Long> outboxBefore = controlNumbersInOutbox();
		for (int i = 1; i <= orders; i++) {
			Path written = inbox.folder("bigbox").resolve(".order-" + i + ".tmp");
			Files.writeString(written, order.replace("BB-7730021", String.format("BB-88%05d", i))
					.replace("000007001", String.format("%09d", 500_000 + i))
					.replace("*7001*", "*" + (500_000 + i) + "*").replace("GE*1*7001~", "GE*1*" + (500_000 + i) + "~"));
			Files.move(written, inbox.folder("bigbox").resolve("order-" + i + ".edi"));
		}

		List<Inbox.Pickup> picked = assertTimeoutPreemptively(Duration.ofSeconds(60), inbox::poll,
				"the poll ends: no transaction of the batch waits for another of the same thread");

		assertEquals(orders, picked.size());
		for (Inbox.Pickup pickup : picked) {
			assertEquals("APPLIED", pickup.result().status(), pickup.file() + ": " + pickup.result().problems());
			assertEquals(1L, pickup.result().outcomes().get("997_SENT"), pickup.file() + ": " + pickup.result());
			assertTrue(pickup.keptAt().startsWith(data.resolve("archive/bigbox")), pickup.keptAt().toString());
		}
		assertEquals(List.of(), names(data.resolve("processing/bigbox")), "nothing is left claimed");
		List<String> sent = names(data.resolve("outbox/bigbox"));
		for (int i = 1; i <= orders; i++) {
			String po = String.format("BB-88%05d", i);
			assertEquals(1, sent.stream().filter(n -> n.startsWith("855-" + po + "-")).count(), "one 855 for " + po);
			String group = String.valueOf(500_000 + i);
			assertEquals(1, sent.stream().filter(n -> n.startsWith("997-PO-" + group + "-")).count(),
					"one 997 for group " + group);
		}
		Map<String, Long> numbers = controlNumbersInOutbox();
		assertEquals(outboxBefore.size() + 2L * orders, numbers.size());
		List<Long> interchanges = numbers.values().stream().sorted().toList();
		assertEquals(LongStream.rangeClosed(1, interchanges.size()).boxed().toList(), interchanges,
				"the interchange control numbers sent to BigBox run from 1 without gaps or repeats: " + numbers);
	}

	/** ISA13 of every interchange in BigBox's outbox, by file. */
	private Map<String, Long> controlNumbersInOutbox() throws Exception {
		Map<String, Long> numbers = new TreeMap<>();
		Path outbox = data.resolve("outbox/bigbox");
		for (String name : names(outbox)) {
			String isa = Files.readString(outbox.resolve(name)).split("~", 2)[0];
			numbers.put(name, Long.parseLong(isa.split("\\*")[13]));
		}
		return numbers;
	}


}
