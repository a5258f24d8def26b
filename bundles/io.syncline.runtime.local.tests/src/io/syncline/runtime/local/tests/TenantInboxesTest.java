package io.syncline.runtime.local.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.local.Inbox;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.runtime.local.TenantInboxes;
import io.syncline.store.Store;

/**
 * Inboxes per tenant on a real file system and H2: a tenant made from the Harbor template while the runtime runs
 * gets its partners' folders at the next poll, and a file dropped there is journaled in that tenant only and kept in
 * the tenant's own archive; Harbor's folders stay where they always were.
 */
class TenantInboxesTest {

	@TempDir
	Path data;

	private Store store;
	private LocalRuntime runtime;
	private TenantInboxes inboxes;

	@BeforeEach
	void start() throws Exception {
		store = Store.openH2(data);
		runtime = LocalRuntime.over(store,
				LocalSettings.harbor(data, Path.of(System.getProperty("syncline.demo")).resolve("mappings")));
		inboxes = new TenantInboxes(runtime, data, Duration.ZERO);
		inboxes.refresh();
	}

	@AfterEach
	void stop() {
		runtime.close();
		store.close();
	}

	@Test
	void aTenantMadeWhileRunningReceivesFilesInItsOwnFolders() throws Exception {
		assertEquals(data.resolve("inbox/erp"), inboxes.folder("harbor", "erp"), "the runtime's tenant as before");
		assertTrue(Files.isDirectory(data.resolve("inbox/erp")));
		runtime.createTenant(new NewTenant("northstar", "Northstar Industrial", "harbor", "ZZ:NORTHSTAR", "onboarding"));
		Path northstarErp = data.resolve("tenants/northstar/inbox/erp");
		assertEquals(northstarErp, inboxes.folder("northstar", "erp"));

		TenantInboxes.Polled first = inboxes.poll();
		assertTrue(first.picked().isEmpty() && first.failures().isEmpty(), first.toString());
		assertTrue(Files.isDirectory(northstarErp), "the new tenant's partners have folders from the next poll on");
		Files.copy(Path.of(System.getProperty("syncline.demo"), "samples", "erp-items.csv"),
				northstarErp.resolve("erp-items.csv"));

		TenantInboxes.Polled polled = inboxes.poll();

		assertEquals(List.of("northstar"), List.copyOf(polled.picked().keySet()), polled.toString());
		Inbox.Pickup pickup = polled.picked().get("northstar").get(0);
		assertEquals("APPLIED", pickup.result().status(), pickup.toString());
		assertTrue(pickup.keptAt().startsWith(data.resolve("tenants/northstar/archive/erp")), pickup.keptAt().toString());
		List<MessageSummary> northstar = runtime.forTenant("northstar").journal(JournalQuery.all()).items();
		assertEquals(List.of(pickup.result().messageId()), northstar.stream().map(MessageSummary::id).toList());
		assertTrue(runtime.journal(JournalQuery.all()).items().isEmpty(), "nothing of it in Harbor");
		assertTrue(inboxes.poll().picked().isEmpty(), "nothing is taken twice");
	}
}
