package io.syncline.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import io.syncline.store.StoreTime;
import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.x12.FunctionalAcknowledgments;
import io.syncline.formats.x12.GroupAck;
import io.syncline.formats.x12.PartnerProfile;
import io.syncline.formats.x12.X12RecordReader;
import io.syncline.formats.x12.X12Schemas;
import io.syncline.formats.x12.X12Writer;
import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingRunner;
import io.syncline.model.canonical.PurchaseOrder;
import io.syncline.model.canonical.SalesOrder;
import io.syncline.store.DbControlNumbers;
import io.syncline.store.JournalEntry;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

/**
 * Documents owed to partners: the 855 answering an EDI order, the 856 and 810 for each shipment of it, and the 997
 * for every received functional group. A
 * transactional outbox: each is enveloped with control numbers taken in the same transaction that journals it as
 * outbound, so a stop never leaves a gap in the numbers; {@link #publishPending()} then writes what is committed
 * but not yet delivered to the partner's outbox folder (under a temporary name, then moved, so a pickup never sees
 * half a file) and marks it sent. After a stop, the next publish delivers what was left: at least once, under the
 * same file name, with the same control numbers.
 */
final class Outbound {

	private final Store store;
	private final String tenantId;
	private final MappingSource mappings;
	private final MessageJournal journal;
	private final Path outbox;
	private final OutboxMode mode = OutboxMode.configured();
	private final PartnerDirectory partners;

	Outbound(Store store, String tenantId, MappingSource mappings, PartnerDirectory partners, Path outbox) {
		this.partners = partners;
		this.store = store;
		this.tenantId = tenantId;
		this.mappings = mappings;
		this.journal = new MessageJournal(store);
		this.outbox = outbox;
	}

	/**
	 * The 855 for an EDI order, mapped from the order as allocated, made and journaled in the order's transaction;
	 * nothing for a customer without an outbound 855 route.
	 */
	void acknowledgeOrder(Connection connection, String partner, SalesOrder order) throws SQLException {
		RouteCatalog.Route route = partners.outbound(partner, "855").orElse(null);
		if (route == null) {
			return;
		}
		Written written = write(route.mapping(), "PR", partner, order, order.getOrderNumber(),
				"855 for " + order.getCustomerPo(), connection);
		journal.append(connection, new JournalEntry(tenantId, partner, route.flow(), "OUT", "855",
				"855-" + order.getCustomerPo() + ".edi", order.getCustomerPo(), StoreTime.now(),
				Map.of("PO", order.getCustomerPo(), "SO", order.getOrderNumber(), ReceivedAcknowledgments.SENT_GROUP,
						written.groupKey(partner))), written.x12(), null);
	}

	/**
	 * The ship notice (856) and invoice (810) for one shipment of an order, to the customer that ordered by EDI, made
	 * and journaled in the shipment's transaction. Returns the document types sent; none when the customer receives
	 * neither.
	 */
	List<String> notifyShipment(Connection connection, String partner, OrderFulfilment.Shipped shipped)
			throws SQLException {
		List<String> sent = new java.util.ArrayList<>();
		for (String type : List.of("856", "810")) {
			RouteCatalog.Route route = partners.outbound(partner, type).orElse(null);
			if (route == null) {
				continue;
			}
			String customerPo = shipped.customerPo() != null ? shipped.customerPo() : shipped.orderNumber();
			Written written = write(route.mapping(), type.equals("856") ? "SH" : "IN", partner, shipped.document(),
					shipped.orderNumber(), type + " for " + shipped.orderNumber(), connection);
			journal.append(connection, new JournalEntry(tenantId, partner, route.flow(), "OUT", type,
					type + "-" + customerPo + "-" + shipped.shipmentNumber() + ".edi", customerPo,
					StoreTime.now(), Map.of("PO", customerPo, "SO", shipped.orderNumber(),
							type.equals("856") ? "ASN" : "INVOICE", (type.equals("856") ? "ASN-" : "INV-")
									+ shipped.orderNumber(), ReceivedAcknowledgments.SENT_GROUP,
							written.groupKey(partner))), written.x12(), null);
			sent.add(type);
		}
		return sent;
	}

	/**
	 * The 850 for a purchase order, to its supplier through the supplier's 850 route: mapped with the route's
	 * published mapping, enveloped with the supplier's profile and control numbers taken in the PO's transaction,
	 * journaled as outbound with its PO key; delivered to the supplier's outbox once that commits.
	 */
	void sendPurchaseOrder(Connection connection, RouteCatalog.Route route, PurchaseOrder po) throws SQLException {
		String supplier = route.partnerId();
		Written written = write(route.mapping(), X12Schemas.functionalId("850"), supplier, po, po.getPoNumber(),
				"850 for " + po.getPoNumber(), connection);
		journal.append(connection, new JournalEntry(tenantId, supplier, route.flow(), "OUT", "850",
				"850-" + po.getPoNumber() + ".edi", po.getPoNumber(), StoreTime.now(),
				Map.of("PO", po.getPoNumber(), ReceivedAcknowledgments.SENT_GROUP, written.groupKey(supplier))),
				written.x12(), null);
	}

	/** An enveloped document and the control number of its group, which the partner's 997 will quote. */
	private record Written(byte[] x12, long group) {
		String groupKey(String partner) {
			return ReceivedAcknowledgments.sentGroupKey(partner, group);
		}
	}

	/** Maps a canonical document through an outbound mapping and envelopes it for the partner, numbers taken here. */
	private Written write(String mapping, String functionalId, String partner, EObject document, String origin,
			String what, Connection connection) throws SQLException {
		try {
			MapOutcome mapped = MappingRunner.mapOutbound(mappings.resolve(mapping, null).mapping(), document, origin);
			if (mapped.failed()) {
				throw new IllegalStateException(what + ": " + mapped.problems());
			}
			ByteArrayOutputStream x12 = new ByteArrayOutputStream();
			X12Writer.Envelope envelope = new X12Writer(partners.envelopeTo(partner),
					new DbControlNumbers(store, tenantId, connection))
					.write(functionalId, List.of((Node) mapped.output()), StoreTime.now().toLocalDateTime(), x12);
			return new Written(x12.toByteArray(), envelope.group());
		} catch (IOException | MappingCompileException e) {
			throw new IllegalStateException("cannot write the " + what + ": " + e.getMessage(), e);
		}
	}

	/**
	 * One 997 per functional group received, answering its sender with what the reader found (accepted, or each bad
	 * segment and element), each made and journaled in one unit of the message's run: its own transaction, or a
	 * savepoint of the batch that journaled the message, so the numbers it takes commit with the message. Returns how
	 * many were made.
	 */
	int acknowledgeGroups(MessageRun run, String partner, String sourceName, java.io.InputStream payload)
			throws IOException, SQLException {
		List<GroupAck> groups;
		try (X12RecordReader reader = (X12RecordReader) Formats.open(payload, sourceName,
				SourceOptions.of(SourceFormat.X12), ProblemSink.collecting())) {
			while (reader.next() != null) {
				// read to the end: the acknowledgments sum up every group
			}
			groups = reader.acknowledgments();
		} catch (FormatException e) {
			return 0; // an interchange too broken to read has no groups to acknowledge; it is in the exception queue
		}
		int made = 0;
		for (GroupAck group : groups) {
			if (group.functionalId().equals(X12Schemas.functionalId("997"))) {
				continue; // an acknowledgment is never acknowledged
			}
			made++;
			PartnerProfile toSender = PartnerProfile.x12v4010(partner, group.interchangeReceiverQualifier(),
					group.interchangeReceiverId(), group.interchangeSenderQualifier(), group.interchangeSenderId());
			run.transact(connection -> {
				ByteArrayOutputStream x12 = new ByteArrayOutputStream();
				try {
					new X12Writer(toSender, new DbControlNumbers(store, tenantId, connection)).write("FA",
							List.of(FunctionalAcknowledgments.build(group)), StoreTime.now().toLocalDateTime(), x12);
				} catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
				return journal.append(connection, new JournalEntry(tenantId, partner, "acknowledgments", "OUT", "997",
						"997-" + group.functionalId() + "-" + group.controlNumber() + ".edi", null,
						StoreTime.now(), Map.of("GROUP", group.controlNumber())), x12.toByteArray(),
						null);
			});
		}
		return made;
	}

	/** Writes every committed, undelivered outbound document to its partner's outbox; returns how many. */
	synchronized int publishPending() throws IOException, SQLException {
		// one publisher at a time per tenant: two threads that both finished a message (an inbox file and a webhook)
		// would otherwise both write the same pending document's temporary file and one rename would fail
		if (outbox == null) {
			return 0; // journaled for whoever delivers them; this runtime has no outbox folder
		}
		int published = 0;
		for (MessageJournal.Pending pending : journal.unpublished(tenantId)) {
			String name = pending.sourceName().replaceFirst("\\.edi$", "") + "-" + pending.id() + ".edi";
			write(pending.partnerId(), name, journal.payload(tenantId, pending.id()));
			journal.published(tenantId, pending.id());
			published++;
		}
		return published;
	}

	private void write(String partner, String name, byte[] bytes) throws IOException {
		Path folder = outbox.resolve(partner);
		Files.createDirectories(folder);
		Path temporary = folder.resolve(name + ".part");
		Files.write(temporary, bytes);
		if (mode != null) {
			mode.apply(outbox, folder, temporary); // before the rename, so a pickup never sees it closed
		}
		Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}
}
