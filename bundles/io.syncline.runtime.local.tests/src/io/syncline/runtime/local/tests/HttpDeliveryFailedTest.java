package io.syncline.runtime.local.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.syncline.runtime.api.BulkResult;
import io.syncline.runtime.api.EndpointConfig;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.local.EndpointRunner;
import io.syncline.runtime.local.PartnerLanes;
import io.syncline.testing.Harbor;
import io.syncline.testing.LoopbackHttpPartner;
import io.syncline.testing.LoopbackHttpPartner.Answer;

/**
 * A document the partner refuses (an HTTP 400) is set aside as a DELIVERY_FAILED exception and the documents after
 * it go on; retried by a person, it is delivered again and its exception resolved. Against a partner's Jetty on
 * loopback and an H2 store.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.syncline.testing.SecretsKeyForTests.class)
class HttpDeliveryFailedTest extends HarborInbox {

	private LoopbackHttpPartner acme;


	@Override
	boolean withDemoDay() {
		return false;
	}

	@BeforeEach
	void partner() throws Exception {
		acme = new LoopbackHttpPartner();
	}

	@AfterEach
	void stop() throws Exception {
		acme.close();
	}

	@Test
	void aRefusedDocumentIsSetAsideTheRestGoOnAndARetryDeliversIt() throws Exception {
		runtime.saveEndpoint(EndpointConfig.of("acme-http-out", "acme", "out", "http",
				Map.of("url", acme.url("/edi/{name}")), null), Map.of("authorization", "Bearer acme-77"),
				"Acme takes EDI over HTTPS");
		Harbor.masterDataAndPo(runtime); // the 850 of PO-45001
		assertEquals("APPLIED", Harbor.submit(runtime, "acme", "samples/edi/acme-855-po-ack.edi").status()); // a 997
		acme.then(new Answer(400, Map.of(), "{\"error\":\"PO-45001: unknown ship-to\"}"));
		EndpointRunner runner = new EndpointRunner(runtime, PartnerLanes.DIRECT);

		EndpointRunner.Ran first = runner.runNow("acme-http-out");

		assertNull(first.error(), "a refusal does not stop the endpoint");
		assertEquals(1, first.delivered(), "the 997 after the refused 850 went out");
		List<ExceptionSummary> failed = runtime.exceptions(ExceptionQuery.open().ofKind("DELIVERY_FAILED")).items();
		assertEquals(1, failed.size());
		assertTrue(failed.get(0).detail().contains("unknown ship-to"), failed.get(0).detail());
		assertEquals("acme-http-out", failed.get(0).location());
		assertEquals("FAILING", runtime.endpoints().get(0).health().state());
		String refusedPath = acme.received().get(0).path();

		BulkResult retried = runtime.retry(List.of(failed.get(0).id()), false);
		assertEquals("REDELIVERING", retried.items().get(0).outcome());
		EndpointRunner.Ran again = runner.runNow("acme-http-out");

		assertEquals(1, again.delivered());
		assertEquals(3, acme.received().size());
		assertEquals(refusedPath, acme.received().get(2).path(), "the refused document, delivered again");
		assertEquals(acme.received().get(0).headers().get("Idempotency-Key"),
				acme.received().get(2).headers().get("Idempotency-Key"), "as the same delivery");
		assertTrue(runtime.exceptions(ExceptionQuery.open().ofKind("DELIVERY_FAILED")).items().isEmpty(),
				"its exception is resolved");
		assertEquals("RESOLVED", runtime.exception(failed.get(0).id()).exception().state());
		assertEquals(0, runner.runNow("acme-http-out").delivered(), "nothing goes twice");
	}
}
