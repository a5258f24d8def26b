package io.syncline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.SubmitResult;

/** The Harbor sample files as the runtime tests submit them, and waiting for live events. */
public final class Harbor {

	private Harbor() {
	}

	public static Path demo(String relative) {
		return Path.of(System.getProperty("syncline.demo")).resolve(relative);
	}

	public static SubmitResult submit(IntegrationRuntime runtime, String partner, String sample) throws Exception {
		Path file = demo(sample);
		return runtime.submit(partner, null, file.getFileName().toString(), Files.readAllBytes(file));
	}

	/** The items (with their safety stock), the Acme cross-reference and PO-45001. */
	public static void masterDataAndPo(IntegrationRuntime runtime) throws Exception {
		assertEquals("APPLIED", submit(runtime, "erp", "samples/erp-items.csv").status());
		assertEquals("APPLIED", submit(runtime, "erp", "samples/erp-items-acme.csv").status());
		assertEquals("APPLIED", submit(runtime, "erp", "canonical/po-45001.xmi").status());
	}

	/** Waits for the event delivery thread to hand over an event like this; fails after 10 s. */
	public static RuntimeEvent awaitEvent(List<RuntimeEvent> events, Predicate<RuntimeEvent> wanted)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			for (RuntimeEvent event : events) {
				if (wanted.test(event)) {
					return event;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no such event among " + events);
	}
}
