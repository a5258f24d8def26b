package io.syncline.runtime.local.tests;

import static io.syncline.testing.Harbor.demo;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.local.DemoTenant;
import io.syncline.runtime.local.Inbox;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;

/**
 * What the inbox tests start from: a Harbor runtime over an H2 file in a fresh data directory, with the demo day
 * loaded unless a test wants an empty journal, and its inbox folders, every file taken as soon as it is seen.
 */
abstract class HarborInbox {

	@TempDir
	Path data;

	Store store;
	LocalRuntime runtime;
	Inbox inbox;

	/** Whether the demo day is loaded before each test. */
	boolean withDemoDay() {
		return true;
	}

	/** The inbox under test; its partners' work runs on the caller's thread unless a test says otherwise. */
	Inbox openInbox() {
		return new Inbox(runtime, data, Duration.ZERO);
	}

	@BeforeEach
	void openHarbor() throws Exception {
		store = Store.openH2(data);
		runtime = LocalRuntime.over(store, LocalSettings.harbor(data, demo("mappings")));
		if (withDemoDay()) {
			DemoTenant.loadIfEmpty(runtime, demo(""));
		}
		inbox = openInbox();
		inbox.createFolders();
	}

	@AfterEach
	void closeHarbor() {
		runtime.close();
		store.close();
	}
}
