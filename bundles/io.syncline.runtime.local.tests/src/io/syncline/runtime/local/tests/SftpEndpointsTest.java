package io.syncline.runtime.local.tests;

import static io.syncline.testing.Harbor.demo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.syncline.runtime.api.AuditEntry;
import io.syncline.runtime.api.AuditQuery;
import io.syncline.runtime.api.EndpointConfig;
import io.syncline.runtime.api.EndpointTest;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.local.EndpointRunner;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.runtime.local.PartnerLanes;
import io.syncline.store.Store;
import io.syncline.testing.Harbor;
import io.syncline.testing.LoopbackSftpServer;
import io.syncline.transport.SecretBox;

/**
 * A partner connected by SFTP, in and out, against MINA SSHD's server on loopback and an H2 store: files taken
 * once each (a crash between the journal's commit and the remote delete does not apply one twice), outbound
 * documents carried out in order across an outage, secrets sealed and never shown, health kept per endpoint.
 */
class SftpEndpointsTest extends HarborInbox {

	private static final String KEY = SecretBox.newKey();
	private LoopbackSftpServer server;

	@BeforeAll
	static void secretsKey() {
		System.setProperty("syncline.secretsKey", KEY);
	}

	@AfterAll
	static void noSecretsKey() {
		System.clearProperty("syncline.secretsKey");
	}

	@Override
	boolean withDemoDay() {
		return false;
	}

	@BeforeEach
	void acmeServer() throws Exception {
		server = new LoopbackSftpServer(data.resolve("acme-sftp"), data.resolve("acme-host.key"), "harbor", "pw-7781");
		Files.createDirectories(server.root().resolve("outgoing"));
		Files.createDirectories(server.root().resolve("incoming"));
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
	}

	private EndpointConfig save(String id, String direction, String directory, Map<String, String> more) {
		Map<String, String> settings = new HashMap<>(server.settings("harbor", directory));
		settings.putAll(more);
		return runtime.saveEndpoint(EndpointConfig.of(id, "acme", direction, "sftp", settings, 60),
				Map.of("password", "pw-7781"), "Acme moves to SFTP");
	}

	private Path remote(String name, Path sample) throws Exception {
		Path file = Files.copy(sample, server.root().resolve("outgoing").resolve(name));
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(300)));
		return file;
	}

	private List<MessageSummary> cameThrough(String endpoint) {
		return runtime.journal(JournalQuery.all().withBusinessKey(endpoint).pageSize(100)).items();
	}

	@Test
	void aFileIsTakenJournaledAndAppliedOnceEvenWhenItComesBackAfterACrash() throws Exception {
		save("acme-in", "in", "/outgoing", Map.of("stable", "name", "patterns", "*.edi"));
		Path catalog = remote("acme-832.edi", demo("samples/edi/acme-832-price-catalog.edi"));
		byte[] sent = Files.readAllBytes(catalog);
		FileTime mtime = Files.getLastModifiedTime(catalog);
		EndpointRunner runner = new EndpointRunner(runtime, PartnerLanes.DIRECT);

		EndpointRunner.Ran ran = runner.runNow("acme-in");

		assertNull(ran.error());
		assertEquals(1, ran.taken());
		assertEquals(1, ran.processed().size());
		assertEquals("832", ran.processed().get(0).documentType());
		assertFalse(Files.exists(catalog), "deleted once journaled");
		List<MessageSummary> journaled = cameThrough("acme-in");
		assertEquals(1, journaled.size(), "the message carries the endpoint it came through");
		assertEquals("acme-832.edi", journaled.get(0).sourceName());

		// the runtime died after the journal's commit and before the delete: the file is still there next time
		Files.write(catalog, sent);
		Files.setLastModifiedTime(catalog, mtime);
		EndpointRunner afterRestart = new EndpointRunner(runtime, PartnerLanes.DIRECT);
		EndpointRunner.Ran again = afterRestart.runNow("acme-in");
		assertEquals(0, again.taken());
		assertEquals(1, again.seenBefore(), "its claim keeps it from applying twice");
		assertFalse(Files.exists(catalog), "and it is tidied away this time");
		assertEquals(1, cameThrough("acme-in").size());

		EndpointConfig listed = runtime.endpoints().get(0);
		assertEquals("OK", listed.health().state());
		assertEquals(1, listed.health().movedToday());
	}

	@Test
	void outboundDocumentsGoOutInOrderAndWaitOutAnOutage() throws Exception {
		save("acme-out", "out", "/incoming", Map.of());
		EndpointRunner runner = new EndpointRunner(runtime, PartnerLanes.DIRECT);
		Harbor.masterDataAndPo(runtime); // PO-45001 makes an 850 to Acme
		EndpointRunner.Ran first = runner.runNow("acme-out");
		assertNull(first.error());
		assertEquals(1, first.delivered());
		List<String> delivered = names(server.root().resolve("incoming"));
		assertEquals(1, delivered.size(), delivered.toString());
		assertTrue(Files.readString(server.root().resolve("incoming").resolve(delivered.get(0))).contains("ST*850*"));

		int port = server.port();
		server.close(); // Acme's server is down
		assertEquals("APPLIED", Harbor.submit(runtime, "acme", "samples/edi/acme-855-po-ack.edi").status());
		EndpointRunner.Ran down = runner.runNow("acme-out");
		assertTrue(down.error() != null && down.error().contains("cannot"), String.valueOf(down.error()));
		assertEquals(1, down.backlog(), "the 997 for the 855 waits");
		EndpointConfig failing = runtime.endpoints().get(0);
		assertEquals("FAILING", failing.health().state());
		assertEquals(down.error(), failing.health().lastError());

		server = new LoopbackSftpServer(data.resolve("acme-sftp"), data.resolve("acme-host.key"), "harbor", "pw-7781",
				port);
		EndpointRunner.Ran back = runner.runNow("acme-out");
		assertNull(back.error());
		assertEquals(1, back.delivered());
		List<String> now = names(server.root().resolve("incoming"));
		assertEquals(2, now.size(), now.toString());
		assertEquals("OK", runtime.endpoints().get(0).health().state());
		assertEquals(0, runner.runNow("acme-out").delivered(), "nothing is delivered twice");
	}

	@Test
	void secretsAreSealedNeverShownNorAuditedAndAWrongSettingIsRefusedByName() throws Exception {
		EndpointConfig saved = save("acme-in", "in", "/outgoing", Map.of());
		assertEquals(List.of("password"), saved.secrets());
		assertFalse(runtime.endpoints().toString().contains("pw-7781"));
		List<AuditEntry> audited = runtime.audit(new AuditQuery(null, null, "endpoint:acme-in", null, null, 0, 10)).items();
		assertEquals(1, audited.size());
		for (AuditEntry entry : audited) {
			assertFalse(String.valueOf(entry.after()).contains("pw-7781"), entry.toString());
		}
		byte[] stored = store.read(connection -> {
			try (var query = connection.prepareStatement("SELECT secrets FROM endpoints WHERE endpoint_id = 'acme-in'");
					var row = query.executeQuery()) {
				row.next();
				return row.getBytes(1);
			}
		});
		assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("pw-7781"), "sealed at rest");

		IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
				() -> save("acme-in", "in", "/outgoing", Map.of("hots", "x")));
		assertTrue(typo.getMessage().contains("no setting 'hots'"), typo.getMessage());
		IllegalArgumentException inClear = assertThrows(IllegalArgumentException.class,
				() -> save("acme-in", "in", "/outgoing", Map.of("password", "x")));
		assertTrue(inClear.getMessage().contains("is a secret"), inClear.getMessage());
		IllegalArgumentException noPartner = assertThrows(IllegalArgumentException.class,
				() -> runtime.saveEndpoint(EndpointConfig.of("x-in", "nobody", "in", "sftp", Map.of(), 60), Map.of(),
						"test"));
		assertTrue(noPartner.getMessage().contains("no partner 'nobody'"), noPartner.getMessage());

		// the secret is kept when an edit does not name it
		runtime.saveEndpoint(EndpointConfig.of("acme-in", "acme", "in", "sftp", server.settings("harbor", "/outgoing"),
				30), null, "poll more often");
		EndpointTest test = runtime.testEndpoint("acme-in");
		assertTrue(test.ok(), test.summary());
	}

	@Test
	void aTenantMadeFromATemplateGetsItsEndpointsWithoutTheirSecretsAndDisabled() throws Exception {
		save("acme-in", "in", "/outgoing", Map.of());
		runtime.createTenant(new io.syncline.runtime.api.NewTenant("northstar", "Northstar Industrial", "harbor", null,
				"a second distributor"));
		List<EndpointConfig> copied = runtime.forTenant("northstar").endpoints();
		assertEquals(1, copied.size());
		assertEquals("acme-in", copied.get(0).endpointId());
		assertEquals(server.settings("harbor", "/outgoing").get("host"), copied.get(0).settings().get("host"));
		assertEquals(List.of(), copied.get(0).secrets(), "secrets are never copied into another tenant");
		assertEquals("DISABLED", copied.get(0).health().state(), "it waits for the new tenant's own password");
		assertEquals(List.of("password"), runtime.endpoints().get(0).secrets(), "the template keeps its own");
	}

	@Test
	void aConnectionTestTellsWhyAndTheStoreWillNotOpenWithoutItsKey() throws Exception {
		save("acme-in", "in", "/nowhere", Map.of());
		EndpointTest test = runtime.testEndpoint("acme-in");
		assertFalse(test.ok());
		assertTrue(test.summary().contains("/nowhere"), test.summary());
		assertEquals("FAILING", runtime.endpoints().get(0).health().state());

		runtime.close();
		store.close();
		System.clearProperty("syncline.secretsKey");
		try (Store reopened = Store.openH2(data)) {
			SecretBox.SecretsKeyException refused = assertThrows(SecretBox.SecretsKeyException.class,
					() -> LocalRuntime.over(reopened, LocalSettings.harbor(data, demo("mappings"))));
			assertTrue(refused.getMessage().contains("no secrets key is set"), refused.getMessage());
			System.setProperty("syncline.secretsKey", SecretBox.newKey());
			SecretBox.SecretsKeyException wrong = assertThrows(SecretBox.SecretsKeyException.class,
					() -> LocalRuntime.over(reopened, LocalSettings.harbor(data, demo("mappings"))));
			assertTrue(wrong.getMessage().contains("sealed with key"), wrong.getMessage());
		} finally {
			System.setProperty("syncline.secretsKey", KEY);
		}
		store = Store.openH2(data);
		runtime = LocalRuntime.over(store, LocalSettings.harbor(data, demo("mappings")));
	}

	private static List<String> names(Path folder) throws Exception {
		try (var files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString()).sorted().toList();
		}
	}
}
