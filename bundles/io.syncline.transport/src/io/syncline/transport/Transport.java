package io.syncline.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One kind of endpoint: what it needs to be set up, and how to check it works without moving anything. */
public interface Transport extends AutoCloseable {

	EndpointKind kind();

	/**
	 * A setting or secret the endpoint takes, for checks and for the console's forms; a name ending in {@code .*}
	 * stands for every name with that prefix ({@code header.*}: {@code header.X-Api-Version}).
	 */
	record Field(String name, boolean required, boolean secret, String description) {
		public boolean matches(String setting) {
			return name.endsWith(".*") ? setting.startsWith(name.substring(0, name.length() - 1))
					&& setting.length() > name.length() - 1 : name.equals(setting);
		}
	}

	List<Field> fields(Endpoint.Direction direction);

	/** What a connection test found: whether it worked, in one line, and what it saw (the files it would take). */
	record Check(boolean ok, String summary, List<String> details) {
		public Check {
			details = List.copyOf(details);
		}
	}

	/** Connects, authenticates and lists; writes, moves and deletes nothing. */
	Check check(Endpoint endpoint);

	@Override
	default void close() {
	}

	/** A transport that fetches: SFTP, REST, JDBC. */
	interface Polling extends Transport {
		/** Takes what is ready for the endpoint into the receiver; returns what it did. */
		Polled poll(Endpoint endpoint, Receiver receiver);
	}

	/** A transport that sends: SFTP, AS2, HTTP. */
	interface Delivering extends Transport {
		/**
		 * Delivers one document; returns once the partner has it, or, for a receipt that comes later (an
		 * asynchronous AS2 receipt), once it was sent, saying what to await. Throws saying why not.
		 */
		Delivered deliver(Endpoint endpoint, Outgoing document);
	}

	/** A delivery done, or sent with its receipt still to come: the message id and MIC that receipt must give back. */
	record Delivered(String awaitedMessageId, String mic) {
		public static final Delivered DONE = new Delivered(null, null);

		public boolean awaitsReceipt() {
			return awaitedMessageId != null;
		}
	}

	/** What one poll did: taken and journaled, seen before (claimed), and left for the next poll. */
	record Polled(int taken, int seenBefore, int backlog) {
	}

	/** Where a transport hands what it picked up: journaled with the pickup's claim, in one transaction. */
	interface Receiver {
		/** Whether the pickup was claimed before: it need not be fetched again. */
		boolean seen(String pickupKey);

		/** Journals the content and claims the pickup; the message id, or -1 when it was claimed before. */
		long receive(String pickupKey, String name, InputStream content) throws IOException;

		/** Where one of the endpoint's cursors stands (a REST cursor, a watermark), if it was ever set. */
		default java.util.Optional<String> cursor(String name) {
			return java.util.Optional.empty();
		}

		/** Moves one of the endpoint's cursors, once what it moved past is journaled. */
		default void cursor(String name, String value) {
		}
	}

	/**
	 * A document to deliver: an id that stays the same however often it is tried (an HTTP Idempotency-Key, an AS2
	 * Message-ID), its name at the partner, its size (-1: not known), and its content, opened once per attempt.
	 */
	record Outgoing(String id, String name, long size, Content content) {
	}

	@FunctionalInterface
	interface Content {
		InputStream open() throws IOException;
	}
}
