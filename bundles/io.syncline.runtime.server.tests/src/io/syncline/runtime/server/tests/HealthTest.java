package io.syncline.runtime.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.syncline.runtime.api.Role;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.Subscription;
import io.syncline.runtime.local.Workers;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.runtime.wire.WireJson;

/**
 * Liveness and readiness over real sockets, without a token: a worker that holds a unit past its bound makes the
 * runtime not ready, named in the body (but no tenant, partner or file of it), and is STUCK in the status and
 * told as an event to its tenant; once the unit ends, the runtime is ready again.
 */
class HealthTest {

	@TempDir
	static Path database;

	private static ServedHarbor served;

	@BeforeAll
	static void serve() throws Exception {
		served = new ServedHarbor(database, ServerSettings.loopback(0));
	}

	@AfterAll
	static void stop() {
		served.close();
	}

	@Test
	void aStuckWorkerMakesTheRuntimeNotReadyUntilItsUnitEnds() throws Exception {
		assertEquals(200, served.get("/health/live", null).statusCode());
		HttpResponse<String> ready = served.get("/health/ready", null);
		assertEquals(200, ready.statusCode(), ready.body());
		assertEquals("READY", WireJson.mapper().readTree(ready.body()).get("status").asText());

		List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
		Workers workers = served.runtime.workers();
		Workers.Worker inbox = workers.register("inbox-test", Duration.ofMillis(300));
		workers.startWatching();
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch begun = new CountDownLatch(1);
		Thread stuck = new Thread(() -> {
			try (Workers.Unit unit = inbox.begin("harbor", "harbor/bigbox: 1 file(s) from secret-order.edi")) {
				begun.countDown();
				release.await(30, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "stuck-inbox-lane");
		try (Subscription subscription = served.runtime.subscribe(events::add)) {
			stuck.start();
			assertTrue(begun.await(5, TimeUnit.SECONDS));
			HttpResponse<String> notReady = until(503);
			JsonNode body = WireJson.mapper().readTree(notReady.body());
			assertEquals("NOT_READY", body.get("status").asText());
			assertTrue(body.get("reasons").toString().contains("worker inbox-test is stuck"), notReady.body());
			assertFalse(notReady.body().contains("secret-order") || notReady.body().contains("bigbox"),
					"an open route names no tenant's partner or file: " + notReady.body());
			assertEquals(200, served.get("/health/live", null).statusCode(), "stuck is not dead");

			JsonNode status = WireJson.mapper().readTree(
					served.get("/api/v1/tenants/harbor/status", served.harbor.get(Role.VIEWER)).body());
			JsonNode worker = status.get("workers").get(0);
			assertEquals("inbox-test", worker.get("name").asText());
			assertEquals("STUCK", worker.get("state").asText());
			assertEquals("harbor/bigbox: 1 file(s) from secret-order.edi", worker.get("unit").asText());
			io.syncline.testing.Harbor.awaitEvent(events, e -> e.type() == RuntimeEvent.Type.WORKER_STUCK
					&& e.detail().contains("inbox-test") && e.detail().contains("secret-order.edi"));

			release.countDown();
			stuck.join(5_000);
			assertEquals(200, until(200).statusCode());
			// events reach subscribers on their own thread, which a loaded machine may run after readiness answers
			io.syncline.testing.Harbor.awaitEvent(events, e -> e.type() == RuntimeEvent.Type.WORKER_RECOVERED);
		} finally {
			release.countDown();
		}
	}

	/** Asks for readiness until it answers {@code status}, for up to 10 s (the watch looks every second). */
	private static HttpResponse<String> until(int status) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		HttpResponse<String> response;
		do {
			response = served.get("/health/ready", null);
			if (response.statusCode() == status) {
				return response;
			}
			Thread.sleep(100);
		} while (System.nanoTime() < deadline);
		return response;
	}
}
