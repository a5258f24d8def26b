package io.syncline.runtime.local;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.syncline.runtime.api.SubmitResult;
import io.syncline.store.AuditLog;
import io.syncline.store.EndpointPickups;
import io.syncline.store.Endpoints;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;

/**
 * What partners push to one tenant (webhooks; AS2 later): the endpoint a delivery is addressed to, with its secrets
 * open to verify it; the delivery journaled with its claim in one transaction, so an answer of 200 means it is kept
 * and a redelivery of the same id is not taken again; then processed in the partner's lane. Refusals are audited.
 */
public final class EndpointPushes {

	private final LocalRuntime runtime;
	private final EndpointBook book;

	public EndpointPushes(LocalRuntime runtime) {
		this.runtime = runtime;
		this.book = runtime.endpointBook();
	}

	/** The enabled endpoint in of this kind with this id, secrets open; empty for any other (all look the same). */
	public Optional<Endpoint> endpoint(String endpointId, EndpointKind kind) {
		Optional<Endpoints.Row> row = book.find(endpointId);
		if (row.isEmpty() || !row.get().enabled() || !row.get().kind().equals(kind.word())
				|| !row.get().direction().equals(Endpoint.Direction.IN.name())) {
			return Optional.empty();
		}
		return Optional.of(book.open(row.get()));
	}

	/** Journals a delivery with its claim; the message id, or empty when the delivery id was taken before. */
	public OptionalLong receive(Endpoint endpoint, String deliveryId, String name, InputStream body) {
		EndpointPickups pickups = new EndpointPickups(runtime.store().dialect());
		OptionalLong message = runtime.operations().receive(endpoint.partnerId(), name, body,
				Map.of("ENDPOINT", endpoint.id()), (connection, id) -> pickups.claim(connection, endpoint.tenantId(),
						endpoint.id(), deliveryId, id));
		book.recordSuccess(endpoint.id(), message.isPresent() ? 1 : 0, 0);
		return message;
	}

	/** Processes what a delivery journaled; what it did. */
	public SubmitResult process(long messageId) {
		return runtime.operations().processReceived(List.of(messageId)).get(0);
	}

	/** Audits a refused delivery (a bad signature, a stale timestamp) and shows it as the endpoint's last error. */
	public void refused(Endpoint endpoint, String from, String why) {
		book.recordFailure(endpoint.id(), "a delivery from " + from + " was refused: " + why);
		io.syncline.runtime.local.internal.Calls.call("audit a refused delivery", () -> runtime.store().inTransaction(
				connection -> {
					new AuditLog().append(connection, endpoint.tenantId(), "webhook:" + from, "webhook.refused",
							"endpoint:" + endpoint.id(), null, null, why);
					return null;
				}));
	}
}
