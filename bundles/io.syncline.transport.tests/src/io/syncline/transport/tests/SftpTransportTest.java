package io.syncline.transport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.testing.LoopbackSftpServer;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;
import io.syncline.transport.sftp.SftpTransport;

/** SFTP in and out against MINA SSHD's own server on loopback. */
class SftpTransportTest {

	@TempDir
	Path temp;

	private LoopbackSftpServer server;
	private SftpTransport transport;

	@BeforeEach
	void start() throws IOException {
		server = new LoopbackSftpServer(temp.resolve("remote"), temp.resolve("host.key"), "acme", "s3cret");
		Files.createDirectories(server.root().resolve("out"));
		Files.createDirectories(server.root().resolve("in"));
		transport = new SftpTransport();
	}

	@AfterEach
	void stop() throws IOException {
		transport.close();
		server.close();
	}

	private Endpoint endpoint(Endpoint.Direction direction, String directory, Map<String, String> more,
			Map<String, String> secrets) {
		Map<String, String> settings = new HashMap<>(server.settings("acme", directory));
		settings.putAll(more);
		return new Endpoint("harbor", "acme-sftp", "acme", direction, EndpointKind.SFTP, settings, secrets,
				Duration.ofSeconds(60), List.of(), true);
	}

	private Endpoint inbound(Map<String, String> more) {
		return endpoint(Endpoint.Direction.IN, "/out", more, Map.of("password", "s3cret"));
	}

	private Path remote(String name, String content, Instant modified) throws IOException {
		Path file = Files.writeString(server.root().resolve("out").resolve(name), content);
		Files.setLastModifiedTime(file, FileTime.from(modified));
		return file;
	}

	@Test
	void takesAFileOnlyOnceItsSizeAndTimeHeldBetweenTwoListingsThenDeletesIt() throws IOException {
		Instant old = Instant.now().minusSeconds(600);
		Path first = remote("po-1.edi", "ISA*first", old);
		remote("po-2.edi.part", "ISA*half", old);
		remote("notes.txt", "not ours", old);
		ClaimingReceiver received = new ClaimingReceiver();
		Endpoint endpoint = inbound(Map.of("patterns", "*.edi"));

		Transport.Polled firstPoll = transport.poll(endpoint, received);
		assertEquals(0, firstPoll.taken(), "one listing cannot tell a whole file from one being written");
		assertTrue(Files.exists(first));

		Path growing = remote("po-3.edi", "ISA*gro", old);
		Transport.Polled second = transport.poll(endpoint, received);
		assertEquals(1, second.taken());
		assertEquals(Map.of("po-1.edi", "ISA*first"), received.byName);
		assertFalse(Files.exists(first), "taken, so deleted");
		assertTrue(Files.exists(server.root().resolve("out/po-2.edi.part")), "a temporary name is left alone");
		assertTrue(Files.exists(server.root().resolve("out/notes.txt")), "a name outside the patterns is left alone");

		Files.writeString(growing, "ISA*growing on");
		Files.setLastModifiedTime(growing, FileTime.from(old.plusSeconds(5)));
		assertEquals(0, transport.poll(endpoint, received).taken(), "it changed since the last listing");
		assertEquals(1, transport.poll(endpoint, received).taken());
		assertEquals("ISA*growing on", received.byName.get("po-3.edi"));
	}

	@Test
	void aFileClaimedBeforeIsNotFetchedAgainButIsStillTidiedAway() throws IOException {
		Instant old = Instant.now().minusSeconds(600);
		remote("po-1.edi", "ISA*first", old);
		ClaimingReceiver received = new ClaimingReceiver();
		Endpoint leave = inbound(Map.of("stable", "name", "after", "leave"));
		assertEquals(1, transport.poll(leave, received).taken());
		assertEquals(List.of("po-1.edi"), received.fetched);

		Transport.Polled again = transport.poll(leave, received);
		assertEquals(0, again.taken());
		assertEquals(1, again.seenBefore(), "a file left in place is known by its claim");
		assertEquals(List.of("po-1.edi"), received.fetched, "and not downloaded again");

		// as after a crash between the journal's commit and the remote delete: the next poll only deletes it
		Transport.Polled tidy = transport.poll(inbound(Map.of("stable", "name")), received);
		assertEquals(1, tidy.seenBefore());
		assertFalse(Files.exists(server.root().resolve("out/po-1.edi")));
	}

	@Test
	void archivesWhenToldAndCapsAPollLeavingTheRestAsBacklog() throws IOException {
		Instant old = Instant.now().minusSeconds(600);
		for (int i = 0; i < 5; i++) {
			remote("stock-" + i + ".csv", "sku,qty\nA," + i, old.plusSeconds(i));
		}
		Files.createDirectories(server.root().resolve("done"));
		ClaimingReceiver received = new ClaimingReceiver();
		Endpoint endpoint = inbound(Map.of("stable", "name", "after", "archive", "archiveDirectory", "/done",
				"maxFiles", "3"));
		Transport.Polled polled = transport.poll(endpoint, received);
		assertEquals(3, polled.taken());
		assertEquals(2, polled.backlog());
		assertEquals(List.of("stock-0.csv", "stock-1.csv", "stock-2.csv"), received.fetched, "oldest first");
		assertTrue(Files.exists(server.root().resolve("done/stock-0.csv")));
		assertEquals(2, transport.poll(endpoint, received).taken());
	}

	@Test
	void anUnpinnedHostKeyIsRefusedWithItsFingerprint() {
		Map<String, String> wrongPin = Map.of("hostKey", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
		TransportException refused = assertThrows(TransportException.class,
				() -> transport.poll(inbound(wrongPin), new ClaimingReceiver()));
		assertTrue(refused.getMessage().contains(server.fingerprint()), refused.getMessage());
		assertTrue(refused.getMessage().contains("not pinned"), refused.getMessage());
		assertEquals(0, server.logins(), "no password was sent to a host that is not pinned");
	}

	@Test
	void aWrongPasswordIsSaidInWordsAndNeverShown() {
		Endpoint wrong = endpoint(Endpoint.Direction.IN, "/out", Map.of(), Map.of("password", "guess-me"));
		Transport.Check check = transport.check(wrong);
		assertFalse(check.ok());
		assertTrue(check.summary().contains("refused the credentials"), check.summary());
		assertFalse(check.summary().contains("guess-me"));
	}

	@Test
	void aConnectionTestListsWhatItWouldTakeAndTakesNothing() throws IOException {
		Instant old = Instant.now().minusSeconds(600);
		remote("po-1.edi", "ISA*first", old);
		remote("po-2.edi", "ISA*second", old);
		Transport.Check check = transport.check(inbound(Map.of()));
		assertTrue(check.ok(), check.summary());
		assertTrue(check.summary().contains("2 file(s) to take"), check.summary());
		assertEquals(List.of("po-1.edi (9 bytes)", "po-2.edi (10 bytes)"), check.details().stream().sorted().toList());
		assertTrue(Files.exists(server.root().resolve("out/po-1.edi")));
		assertTrue(Files.exists(server.root().resolve("out/po-2.edi")));
	}

	@Test
	void deliversUnderATemporaryNameThenRenamesReplacingARepeat() throws IOException {
		Endpoint out = endpoint(Endpoint.Direction.OUT, "/in", Map.of(), Map.of("password", "s3cret"));
		byte[] first = "ISA*855 first".getBytes(StandardCharsets.UTF_8);
		transport.deliver(out, new Transport.Outgoing("harbor-1", "855-1.edi", first.length, () -> new ByteArrayInputStream(first)));
		assertEquals("ISA*855 first", Files.readString(server.root().resolve("in/855-1.edi")));
		byte[] again = "ISA*855 again".getBytes(StandardCharsets.UTF_8);
		transport.deliver(out, new Transport.Outgoing("harbor-1", "855-1.edi", again.length, () -> new ByteArrayInputStream(again)));
		assertEquals("ISA*855 again", Files.readString(server.root().resolve("in/855-1.edi")));
		try (var names = Files.list(server.root().resolve("in"))) {
			assertEquals(List.of("855-1.edi"), names.map(p -> p.getFileName().toString()).toList(),
					"no temporary file is left");
		}
	}

	@Test
	void aDeliveryToAMissingFolderNamesTheEndpointTheFileAndTheFolder() {
		Endpoint out = endpoint(Endpoint.Direction.OUT, "/nowhere", Map.of(), Map.of("password", "s3cret"));
		TransportException failed = assertThrows(TransportException.class, () -> transport.deliver(out,
				new Transport.Outgoing("harbor-1", "855-1.edi", 1, () -> new ByteArrayInputStream(new byte[] { 'x' }))));
		assertTrue(failed.getMessage().startsWith("endpoint acme-sftp: cannot deliver 855-1.edi to /nowhere/855-1.edi"),
				failed.getMessage());
	}
}
