package io.syncline.runtime.local.tests;

import io.syncline.testing.Harbor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceLocation;
import io.syncline.formats.SourceOptions;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;

/**
 * A customer's 997s for what we sent it. BigBox accepts our 855: the 997 is linked to it (one trace shows both) and
 * is not itself acknowledged. BigBox rejects it: the exception names the group, the document, the segment, the
 * element and the value BigBox objected to. A 997 for a group never sent is queued too. Run on H2 and on PostgreSQL.
 */
abstract class AcknowledgmentContract {

	@TempDir
	Path data;

	protected Store store;
	private LocalRuntime runtime;

	protected abstract Store open() throws Exception;

	@BeforeEach
	void start() throws Exception {
		store = open();
		runtime = LocalRuntime.over(store, LocalSettings.harbor(data, Harbor.demo("mappings")));
	}

	@AfterEach
	void stop() {
		runtime.close();
		store.close();
	}

	/** Our 855 to BigBox, answering its 850, and where its only transaction set sits in its envelope. */
	private SourceLocation sent855() throws Exception {
		Harbor.masterDataAndPo(runtime);
		Harbor.submit(runtime, "bigbox", "samples/edi/bigbox-850-customer-order.edi");
		MessageSummary sent = runtime.journal(JournalQuery.all().withPartner("bigbox").withDocumentType("855")
				.withDirection("OUT")).items().get(0);
		// the group and transaction numbers as the 855's own envelope says them, read back from what was sent
		try (RecordReader reader = Formats.open(new ByteArrayInputStream(runtime.payload(sent.id())), "855.edi",
				SourceOptions.of(SourceFormat.X12), ProblemSink.collecting())) {
			Node transaction = reader.next();
			return transaction.location();
		}
	}

	/** A 997 from BigBox for group {@code group}, with the given AK2 loop and AK9 code. */
	private static String ack(String group, String sets, String groupCode, int accepted) {
		String body = "ST*997*0001~AK1*PR*" + group + "~" + sets + "AK9*" + groupCode + "*1*1*" + accepted + "~";
		long segments = body.chars().filter(c -> c == '~').count() + 1;
		return "ISA*00*          *00*          *ZZ*BIGBOXRETAIL   *ZZ*HARBORSUPPLY   *261127*1200*U*00401*000008001*0*P*>~"
				+ "GS*FA*BIGBOXRETAIL*HARBORSUPPLY*20261127*1200*8001*X*004010~" + body + "SE*" + segments + "*0001~"
				+ "GE*1*8001~IEA*1*000008001~";
	}

	private SubmitResult submit(String name, String x12) {
		return runtime.submit("bigbox", null, name, x12.getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void anAcceptingAcknowledgmentIsLinkedToWhatItAnswersAndNotAcknowledged() throws Exception {
		SourceLocation sent = sent855();
		long acknowledgmentsBefore = acknowledgmentsInOutbox();
		SubmitResult result = submit("997-accept.edi",
				ack(sent.group(), "AK2*855*" + sent.transaction() + "~AK5*A~", "A", 1));

		assertEquals("997", result.documentType());
		assertEquals("APPLIED", result.status());
		assertEquals(1L, result.outcomes().get("GROUP_ACCEPTED"));
		assertEquals(0L, result.outcomes().get("997_SENT"), "a 997 is never answered with a 997");
		List<MessageSummary> trace = runtime.trace("bigbox/" + Long.parseLong(sent.group()));
		assertEquals(List.of("OUT 855", "IN 997"),
				trace.stream().map(m -> m.direction() + " " + m.documentType()).toList());
		assertTrue(runtime.exceptions(ExceptionQuery.open().ofKind("ACK_REJECTED")).items().isEmpty());
		assertTrue(runtime.exceptions(ExceptionQuery.open().ofKind("ACK_UNMATCHED")).items().isEmpty());
		assertEquals(1, acknowledgmentsBefore, "BigBox's 850 was acknowledged");
		assertEquals(acknowledgmentsBefore, acknowledgmentsInOutbox(), "no 997 went back for BigBox's 997");
	}

	private long acknowledgmentsInOutbox() throws Exception {
		try (Stream<Path> outbox = Files.list(data.resolve("outbox").resolve("bigbox"))) {
			return outbox.filter(file -> file.getFileName().toString().startsWith("997")).count();
		}
	}

	@Test
	void aRejectionIsQueuedNamingTheSegmentElementAndValue() throws Exception {
		SourceLocation sent = sent855();
		SubmitResult result = submit("997-reject.edi", ack(sent.group(),
				"AK2*855*" + sent.transaction() + "~AK3*PO1*5**8~AK4*3*355*7*XX~AK5*R*5~", "R", 0));

		assertEquals("FAILED", result.status());
		assertEquals(1L, result.outcomes().get("GROUP_REJECTED"));
		ExceptionSummary rejected = runtime.exceptions(ExceptionQuery.open().ofKind("ACK_REJECTED")).items().get(0);
		assertEquals(Long.valueOf(result.messageId()), rejected.messageId());
		String detail = rejected.detail();
		assertTrue(detail.contains("group " + Long.parseLong(sent.group())), detail);
		assertTrue(detail.contains("855 855-BB-7730021"), "names the document rejected: " + detail);
		assertTrue(detail.contains("AK901 R (rejected)"), detail);
		assertTrue(detail.contains("855 ST02 " + sent.transaction() + ": AK501 R"), detail);
		assertTrue(detail.contains("segment PO1 at position 5 error 8, element 3 error 7 value 'XX'"), detail);
		assertTrue(rejected.location().contains("997-reject.edi"), rejected.location());
	}

	@Test
	void anAcknowledgmentForAGroupNeverSentIsQueued() throws Exception {
		sent855();
		SubmitResult result = submit("997-stray.edi", ack("999999", "AK2*855*0001~AK5*A~", "A", 1));

		assertEquals("FAILED", result.status());
		assertNull(result.outcomes().get("GROUP_ACCEPTED"));
		ExceptionSummary stray = runtime.exceptions(ExceptionQuery.open().ofKind("ACK_UNMATCHED")).items().get(0);
		assertTrue(stray.detail().contains("group 999999") && stray.detail().contains("not sent to 'bigbox'"),
				stray.detail());
	}
}
