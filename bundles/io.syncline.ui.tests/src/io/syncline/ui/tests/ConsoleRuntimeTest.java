package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.ui.internal.runtime.ConsoleRuntime;

/**
 * The console's runtime outside the workbench: what its listeners hear when it cannot start, and in remote mode.
 * (The product test starts it for real, demo tenant and all.) The test runtime has no demo content bundle, which
 * is one of the reasons a start can fail.
 */
class ConsoleRuntimeTest {

	@TempDir
	Path data;

	@Test
	void aStartThatCannotSucceedSaysWhyInOneLineAndLeavesNoRuntime() throws Exception {
		assertNull(Platform.getBundle("io.syncline.demo"), "this test needs the demo content to be missing");
		List<ConsoleRuntime.Status> heard = new CopyOnWriteArrayList<>();
		ConsoleRuntime runtime = new ConsoleRuntime();
		runtime.addListener(heard::add);
		runtime.start(true, data, new BigDecimal("2"));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (runtime.status().state() == ConsoleRuntime.State.STARTING && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		ConsoleRuntime.Status failed = runtime.status();
		assertEquals(ConsoleRuntime.State.FAILED, failed.state(), failed.message());
		assertTrue(failed.message().startsWith("The local runtime on " + data + " could not start: "), failed.message());
		assertTrue(failed.message().contains("io.syncline.demo"), failed.message());
		assertFalse(failed.message().contains("\n") || failed.message().contains("Exception"), failed.message());
		assertNull(runtime.runtime());
		runtime.close();
		assertEquals(List.of(ConsoleRuntime.State.STARTING, ConsoleRuntime.State.FAILED, ConsoleRuntime.State.STOPPED),
				heard.stream().map(ConsoleRuntime.Status::state).toList());
	}

	@Test
	void remoteModeOpensNothingLocally() {
		ConsoleRuntime runtime = new ConsoleRuntime();
		runtime.start(false, data, BigDecimal.ONE);
		assertEquals(ConsoleRuntime.State.REMOTE, runtime.status().state());
		assertNull(runtime.runtime());
		runtime.close();
		assertEquals(ConsoleRuntime.State.STOPPED, runtime.status().state());
	}
}
