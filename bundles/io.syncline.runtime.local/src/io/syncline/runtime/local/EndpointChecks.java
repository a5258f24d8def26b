package io.syncline.runtime.local;

import java.util.List;

import io.syncline.runtime.api.EndpointTest;
import io.syncline.store.Endpoints;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;

/**
 * Connection tests of endpoints: connect, authenticate and list, writing nothing. The outcome is recorded as the
 * endpoint's health, so a test that fails shows the endpoint failing, in the same words.
 */
final class EndpointChecks {

	private final LocalRuntime runtime;
	private final EndpointBook book;

	EndpointChecks(LocalRuntime runtime) {
		this.runtime = runtime;
		this.book = runtime.endpointBook();
	}

	EndpointTest test(String endpointId) {
		Endpoints.Row row = book.row(endpointId);
		EndpointTest test;
		try {
			Endpoint endpoint = book.open(row);
			if (endpoint.kind() == EndpointKind.FOLDER) {
				test = new EndpointTest(true, "the runtime's own " + (endpoint.direction() == Endpoint.Direction.IN
						? "inbox" : "outbox") + " folder for partner " + endpoint.partnerId(), List.of());
			} else {
				Transport transport = runtime.transports().of(endpoint.kind()).orElseThrow(
						() -> new IllegalStateException(endpoint.kind().word() + " endpoints are not available"));
				Transport.Check check = transport.check(endpoint);
				test = new EndpointTest(check.ok(), check.summary(), check.details());
			}
		} catch (RuntimeException e) {
			test = new EndpointTest(false, e.getMessage(), List.of());
		}
		if (test.ok()) {
			book.recordSuccess(endpointId, 0, 0);
		} else {
			book.recordFailure(endpointId, test.summary());
		}
		return test;
	}
}
