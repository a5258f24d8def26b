package io.syncline.cli.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.syncline.runtime.local.LocalRuntime;

/** The one background thread a serving service runs its ticks on, and how it stops. */
final class Background {

	private Background() {
	}

	static ScheduledExecutorService thread(String name) {
		return Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Lets the current tick finish (up to 30 s), then closes the runtime it worked on. */
	static void stop(ScheduledExecutorService ticks, LocalRuntime runtime) {
		if (ticks != null) {
			ticks.shutdown();
			try {
				ticks.awaitTermination(30, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (runtime != null) {
			runtime.close();
		}
	}
}
