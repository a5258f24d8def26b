package io.syncline.cli.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;


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

	/** Lets the current tick finish (up to 30 s), then gives back the runtime it worked on. */
	static void stop(ScheduledExecutorService ticks, ServedRuntime served) {
		if (ticks != null) {
			ticks.shutdown();
			try {
				ticks.awaitTermination(30, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		served.release();
	}
}
