package io.syncline.runtime.local;

import static io.syncline.runtime.local.internal.Calls.call;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.local.internal.ExceptionWork;
import io.syncline.store.EndpointCursors;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;
import io.syncline.transport.Endpoint;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;

/**
 * One delivery run of an endpoint out: first the documents a person asked to deliver again (DELIVERY_FAILED
 * exceptions retried), then the partner's documents after the endpoint's cursor, in the order they were made. The
 * cursor moves past a document once the partner has it. A document the partner refuses (a negative receipt, an
 * HTTP 4xx) is set aside as a DELIVERY_FAILED exception and the cursor moves past it, so one refused document does
 * not hold up the rest; any other failure stops the run where it is, to be tried again from there.
 */
final class EndpointDeliveries {

	private static final Logger LOG = LoggerFactory.getLogger(EndpointDeliveries.class);
	/** Documents one run carries out before the other endpoints have a turn. */
	private static final int PER_RUN = 200;

	/** What a run did: delivered, set aside, still owed, and the failure that stopped it (null if none). */
	record Outcome(int delivered, int refused, int backlog, TransportException stopped) {
	}

	private final Store store;
	private final MessageJournal journal;
	private final ExceptionQueue queue;
	private final EndpointCursors cursors = new EndpointCursors();

	EndpointDeliveries(Store store) {
		this.store = store;
		this.journal = new MessageJournal(store);
		this.queue = new ExceptionQueue(store);
	}

	Outcome run(Endpoint endpoint, Transport.Delivering transport) {
		int delivered = 0;
		int refused = 0;
		List<MessageJournal.Sent> pending = List.of();
		try {
			refused += overdueReceipts(endpoint);
			delivered += redeliveries(endpoint, transport);
			long after = Long.parseLong(call("read endpoint " + endpoint.id() + "'s cursor", () -> store.read(
					connection -> cursors.get(connection, endpoint.tenantId(), endpoint.id(), EndpointBook.DELIVERED)))
					.orElse("0"));
			pending = call("find what endpoint " + endpoint.id() + " owes", () -> journal.sentAfter(endpoint.tenantId(),
					endpoint.partnerId(), after, PER_RUN)).stream().filter(sent -> carries(endpoint, sent)).toList();
			for (MessageJournal.Sent sent : pending) {
				try {
					Transport.Delivered done = transport.deliver(endpoint, outgoing(endpoint, sent.id(), sent.sourceName()));
					delivered++;
					moveCursor(endpoint, sent.id(), null, done);
				} catch (TransportException e) {
					if (!e.isRefused()) {
						throw e;
					}
					refused++;
					moveCursor(endpoint, sent.id(), e.getMessage(), Transport.Delivered.DONE);
				}
			}
			return new Outcome(delivered, refused, 0, null);
		} catch (TransportException e) {
			return new Outcome(delivered, refused, Math.max(0, pending.size() - delivered - refused), e);
		}
	}

	/** Delivers again what people asked for; a refusal again leaves its exception open with one more attempt. */
	private int redeliveries(Endpoint endpoint, Transport.Delivering transport) {
		Map<String, String> asked = call("read endpoint " + endpoint.id() + "'s redeliveries", () -> store.read(
				connection -> cursors.withPrefix(connection, endpoint.tenantId(), endpoint.id(), ExceptionWork.REDELIVER)));
		int delivered = 0;
		for (Map.Entry<String, String> request : asked.entrySet()) {
			long message = Long.parseLong(request.getKey().substring(ExceptionWork.REDELIVER.length()));
			long exception = Long.parseLong(request.getValue());
			String name = call("read message " + message, () -> new JournalSearch(store).get(endpoint.tenantId(),
					message)).map(MessageJournal.Message::sourceName).orElse("message-" + message);
			try {
				Transport.Delivered done = transport.deliver(endpoint, outgoing(endpoint, message, name));
				awaitReceipt(endpoint, message, done);
				call("resolve exception " + exception, () -> {
					queue.close(endpoint.tenantId(), exception, "endpoint:" + endpoint.id(), ExceptionQueue.State.RESOLVED,
							"delivered again through endpoint " + endpoint.id());
					return null;
				});
				delivered++;
			} catch (TransportException e) {
				if (!e.isRefused()) {
					throw e; // tried again at the next run: the request stays
				}
				call("record the refusal of message " + message, () -> {
					queue.recordAttempt(endpoint.tenantId(), exception, "endpoint:" + endpoint.id(), e.getMessage());
					return null;
				});
			}
			call("end the redelivery of message " + message, () -> store.inTransaction(connection -> {
				cursors.remove(connection, endpoint.tenantId(), endpoint.id(), request.getKey());
				return null;
			}));
		}
		return delivered;
	}

	/**
	 * Moves the cursor past a document; one the partner refused is set aside in the same transaction, and one whose
	 * receipt comes later is recorded as awaiting it.
	 */
	private void moveCursor(Endpoint endpoint, long message, String refusal, Transport.Delivered done) {
		call("move endpoint " + endpoint.id() + "'s cursor", () -> store.inTransaction(connection -> {
			cursors.put(connection, endpoint.tenantId(), endpoint.id(), EndpointBook.DELIVERED, String.valueOf(message));
			if (done.awaitsReceipt()) {
				new io.syncline.store.As2Awaiting().await(connection, endpoint.tenantId(), endpoint.id(),
						done.awaitedMessageId(), message, done.mic());
			}
			if (refusal != null) {
				queue.open(connection, endpoint.tenantId(), message, ExceptionWork.DELIVERY_FAILED, null, endpoint.id(),
						refusal + ". Fix the cause with the partner, then retry the exception to deliver it again");
			}
			return null;
		}));
		if (refusal != null) {
			LOG.warn("{}: endpoint {} set message {} aside as DELIVERY_FAILED: {}", endpoint.tenantId(), endpoint.id(),
					message, refusal);
		}
	}

	private void awaitReceipt(Endpoint endpoint, long message, Transport.Delivered done) {
		if (done.awaitsReceipt()) {
			call("await the receipt of " + done.awaitedMessageId(), () -> store.inTransaction(connection -> {
				new io.syncline.store.As2Awaiting().await(connection, endpoint.tenantId(), endpoint.id(),
						done.awaitedMessageId(), message, done.mic());
				return null;
			}));
		}
	}

	/** Sets aside, as DELIVERY_FAILED, what awaited a receipt longer than the endpoint allows. */
	private int overdueReceipts(Endpoint endpoint) {
		if (!endpoint.setting("mdn", "sync").equalsIgnoreCase("async")) {
			return 0;
		}
		int minutes = endpoint.intSetting("mdnTimeoutMinutes", 60);
		return call("find receipts overdue at endpoint " + endpoint.id(), () -> store.inTransaction(connection -> {
			io.syncline.store.As2Awaiting awaiting = new io.syncline.store.As2Awaiting();
			List<io.syncline.store.As2Awaiting.Sent> overdue = awaiting.overdue(connection, endpoint.tenantId(),
					endpoint.id(), io.syncline.store.StoreTime.now().minusMinutes(minutes));
			for (io.syncline.store.As2Awaiting.Sent sent : overdue) {
				awaiting.settle(connection, endpoint.tenantId(), endpoint.id(), sent.as2MessageId(),
						io.syncline.store.As2Awaiting.State.TIMED_OUT);
				queue.open(connection, endpoint.tenantId(), sent.messageId(), ExceptionWork.DELIVERY_FAILED, null,
						endpoint.id(), "no receipt for " + sent.as2MessageId() + " within " + minutes + " minutes of "
								+ sent.sentAt() + ". Ask the partner whether it has the message, then retry the "
								+ "exception to deliver it again");
			}
			return overdue.size();
		}));
	}

	private Transport.Outgoing outgoing(Endpoint endpoint, long message, String name) {
		return new Transport.Outgoing(endpoint.tenantId() + "-" + message, name, -1, () -> open(endpoint, message));
	}

	private InputStream open(Endpoint endpoint, long message) throws IOException {
		try {
			return journal.openPayload(endpoint.tenantId(), message);
		} catch (java.sql.SQLException e) {
			throw new IOException("cannot read message " + message + " from the journal: " + e.getMessage(), e);
		}
	}

	/** An endpoint out carries every document type, or those it names. */
	private static boolean carries(Endpoint endpoint, MessageJournal.Sent sent) {
		return endpoint.documentTypes().isEmpty() || endpoint.documentTypes().contains(sent.documentType());
	}
}
