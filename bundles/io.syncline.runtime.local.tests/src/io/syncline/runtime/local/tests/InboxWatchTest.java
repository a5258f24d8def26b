package io.syncline.runtime.local.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.local.InboxWatch;

/**
 * The inbox's watch wakes it when a partner's file arrives, by rename or by writing in place, in folders watched
 * from the start and in folders added later; a folder that cannot be watched is left to the polls.
 */
class InboxWatchTest {

	@TempDir
	Path dir;

	@Test
	void aFileRenamedIntoAWatchedFolderWakesTheInbox() throws Exception {
		Semaphore woken = new Semaphore(0);
		Path bigbox = Files.createDirectories(dir.resolve("inbox/bigbox"));
		Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
		try (InboxWatch watch = new InboxWatch(woken::release)) {
			watch.watch(List.of(bigbox));

			Files.writeString(elsewhere.resolve("unwatched.edi"), "ISA");
			assertFalse(woken.tryAcquire(300, TimeUnit.MILLISECONDS), "a folder not watched wakes nothing");

			Path written = Files.writeString(bigbox.resolve(".order.edi.part"), "ISA*00");
			woken.drainPermits();
			Files.move(written, bigbox.resolve("order.edi"), StandardCopyOption.ATOMIC_MOVE);
			assertTrue(woken.tryAcquire(10, TimeUnit.SECONDS), "the rename woke the inbox");
		}
	}

	@Test
	void aPartnerFolderAddedLaterIsWatchedOnceAndAMissingOneIsLeftToThePolls() throws Exception {
		Semaphore woken = new Semaphore(0);
		Path bigbox = Files.createDirectories(dir.resolve("inbox/bigbox"));
		try (InboxWatch watch = new InboxWatch(woken::release)) {
			watch.watch(List.of(bigbox, dir.resolve("inbox/gone")));
			assertEquals(1, watch.watchedFolders());

			Path wms = Files.createDirectories(dir.resolve("inbox/wms"));
			watch.watch(List.of(bigbox, wms));
			watch.watch(List.of(bigbox, wms));
			assertEquals(2, watch.watchedFolders());

			Files.writeString(wms.resolve("events.jsonl"), "{}\n");
			assertTrue(woken.tryAcquire(10, TimeUnit.SECONDS), "a file written in the added folder woke the inbox");
		}
	}
}
