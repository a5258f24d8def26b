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

	/** The enabled endpoint out of this kind with this id, secrets open: where its asynchronous receipts come. */
	public Optional<Endpoint> endpointOut(String endpointId, EndpointKind kind) {
		Optional<Endpoints.Row> row = book.find(endpointId);
		if (row.isEmpty() || !row.get().enabled() || !row.get().kind().equals(kind.word())
				|| !row.get().direction().equals(Endpoint.Direction.OUT.name())) {
			return Optional.empty();
		}
		return Optional.of(book.open(row.get()));
	}

	/**
	 * Settles a sent AS2 message by its asynchronous receipt: delivered if positive with our MIC, else set aside as
	 * DELIVERY_FAILED. Returns what happened in words; a receipt for no message awaited is said so and changes nothing.
	 */
	public String settle(Endpoint out, io.syncline.transport.as2.As2AsyncReceipts.Said said) {
		String outcome = io.syncline.runtime.local.internal.Calls.call("settle " + said.originalMessageId(),
				() -> runtime.store().inTransaction(connection -> {
					io.syncline.store.As2Awaiting awaiting = new io.syncline.store.As2Awaiting();
					var sent = awaiting.awaiting(connection, out.tenantId(), out.id(), said.originalMessageId());
					if (sent.isEmpty()) {
						return "no message " + said.originalMessageId() + " awaits a receipt";
					}
					boolean delivered = said.positive() && sent.get().mic().equals(said.mic());
					awaiting.settle(connection, out.tenantId(), out.id(), said.originalMessageId(), delivered
							? io.syncline.store.As2Awaiting.State.DELIVERED : io.syncline.store.As2Awaiting.State.REFUSED);
					if (!delivered) {
						new io.syncline.store.ExceptionQueue(runtime.store()).open(connection, out.tenantId(),
								sent.get().messageId(), io.syncline.runtime.local.internal.ExceptionWork.DELIVERY_FAILED,
								null, out.id(), said.positive() ? "the receipt's MIC " + said.mic() + " is not ours ("
										+ sent.get().mic() + ")" : "the partner refused it: " + said.disposition());
						return "refused";
					}
					return "delivered";
				}));
		if (outcome.equals("delivered")) {
			book.recordSuccess(out.id(), 1, 0);
		} else if (outcome.equals("refused")) {
			book.recordFailure(out.id(), "the partner's receipt for " + said.originalMessageId() + " refused it: "
					+ said.disposition());
		}
		return outcome;
	}

	/** Journals a delivery with its claim and counts it in the endpoint's health; see {@link #journal}. */
	public OptionalLong receive(Endpoint endpoint, String deliveryId, String name, InputStream body) {
		OptionalLong message = journal(endpoint, deliveryId, name, body);
		book.recordSuccess(endpoint.id(), message.isPresent() ? 1 : 0, 0);
		return message;
	}

	/**
	 * Journals what an endpoint picked up or was given, keyed by the endpoint it came through, and claims its pickup
	 * in the same transaction; the message id, or empty when the pickup was claimed before (nothing is journaled).
	 */
	public OptionalLong journal(Endpoint endpoint, String pickupKey, String name, InputStream content) {
		EndpointPickups pickups = new EndpointPickups(runtime.store().dialect());
		return runtime.operations().receive(endpoint.partnerId(), name, content, Map.of("ENDPOINT", endpoint.id()),
				(connection, id) -> pickups.claim(connection, endpoint.tenantId(), endpoint.id(), pickupKey, id));
	}

	/** Whether a delivery id (a webhook's, an AS2 Message-ID) was taken before. */
	public boolean taken(Endpoint endpoint, String deliveryId) {
		return io.syncline.runtime.local.internal.Calls.call("look up " + deliveryId, () -> runtime.store().read(
				connection -> new EndpointPickups(runtime.store().dialect()).claimed(connection, endpoint.tenantId(),
						endpoint.id(), deliveryId).isPresent()));
	}

	/** The AS2 receipt a Message-ID was answered with, if it was kept. */
	public Optional<io.syncline.store.As2Receipts.Receipt> receiptOf(Endpoint endpoint, String messageId) {
		return io.syncline.runtime.local.internal.Calls.call("read the receipt of " + messageId, () -> runtime.store()
				.read(connection -> new io.syncline.store.As2Receipts(runtime.store().dialect()).get(connection,
						endpoint.tenantId(), endpoint.id(), messageId)));
	}

	/** Keeps the AS2 receipt a Message-ID was answered with, for its duplicates. */
	public void keepReceipt(Endpoint endpoint, String messageId, io.syncline.store.As2Receipts.Receipt receipt) {
		io.syncline.runtime.local.internal.Calls.call("keep the receipt of " + messageId, () -> runtime.store()
				.inTransaction(connection -> {
					new io.syncline.store.As2Receipts(runtime.store().dialect()).keep(connection, endpoint.tenantId(),
							endpoint.id(), messageId, receipt);
					return null;
				}));
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
					new AuditLog().append(connection, endpoint.tenantId(), endpoint.kind().word() + ":" + from,
							endpoint.kind().word() + ".refused", "endpoint:" + endpoint.id(), null, null, why);
					return null;
				}));
	}
}
