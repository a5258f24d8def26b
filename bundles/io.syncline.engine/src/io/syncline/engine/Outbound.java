package io.syncline.engine;

import java.io.ByteArrayInputStream;
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
import io.syncline.formats.x12.X12Writer;
import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingRunner;
import io.syncline.model.canonical.SalesOrder;
import io.syncline.store.DbControlNumbers;
import io.syncline.store.JournalEntry;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

/**
 * Documents owed to partners: the 855 answering an EDI order and the 997 for every received functional group.
 * Each is enveloped with database control numbers, journaled as outbound and written to the partner's outbox
 * folder under a temporary name, then moved, so a pickup never sees half a file.
 */
final class Outbound {

	private final Store store;
	private final String tenantId;
	private final MappingSource mappings;
	private final MessageJournal journal;
	private final Path outbox;

	Outbound(Store store, String tenantId, MappingSource mappings, Path outbox) {
		this.store = store;
		this.tenantId = tenantId;
		this.mappings = mappings;
		this.journal = new MessageJournal(store);
		this.outbox = outbox;
	}

	/** The 855 for an EDI order, mapped from the order as allocated, in the order's transaction. */
	void acknowledgeOrder(Connection connection, SalesOrder order) throws SQLException {
		try {
			MapOutcome mapped = MappingRunner.mapOutbound(mappings.resolve("so-855-outbound", null).mapping(), order,
					order.getOrderNumber());
			if (mapped.failed()) {
				throw new IllegalStateException("855 for " + order.getCustomerPo() + ": " + mapped.problems());
			}
			ByteArrayOutputStream x12 = new ByteArrayOutputStream();
			new X12Writer(PartnerProfile.parse("bigbox", "ZZ:HARBORSUPPLY>ZZ:BIGBOXRETAIL"),
					new DbControlNumbers(store, tenantId))
					.write("PR", List.of((Node) mapped.output()), LocalDateTime.now(ZoneOffset.UTC), x12);
			byte[] bytes = x12.toByteArray();
			long out = journal.append(new JournalEntry(tenantId, "bigbox", "sales-orders", "OUT", "855",
					"855-" + order.getCustomerPo() + ".edi", order.getCustomerPo(), OffsetDateTime.now(ZoneOffset.UTC),
					Map.of("PO", order.getCustomerPo(), "SO", order.getOrderNumber())), bytes);
			write("bigbox", "855-" + order.getCustomerPo() + "-" + out + ".edi", bytes);
		} catch (IOException | MappingCompileException e) {
			throw new IllegalStateException("cannot write the 855 for " + order.getCustomerPo() + ": " + e.getMessage(), e);
		}
	}

	/**
	 * One 997 per functional group received, answering its sender with what the reader found (accepted, or each bad
	 * segment and element). Returns how many were sent.
	 */
	int acknowledgeGroups(String partner, String sourceName, byte[] payload) throws IOException, SQLException {
		List<GroupAck> groups;
		try (X12RecordReader reader = (X12RecordReader) Formats.open(new ByteArrayInputStream(payload), sourceName,
				SourceOptions.of(SourceFormat.X12), ProblemSink.collecting())) {
			while (reader.next() != null) {
				// read to the end: the acknowledgments sum up every group
			}
			groups = reader.acknowledgments();
		} catch (FormatException e) {
			return 0; // an interchange too broken to read has no groups to acknowledge; it is in the exception queue
		}
		for (GroupAck group : groups) {
			PartnerProfile toSender = PartnerProfile.x12v4010(partner, group.interchangeReceiverQualifier(),
					group.interchangeReceiverId(), group.interchangeSenderQualifier(), group.interchangeSenderId());
			ByteArrayOutputStream x12 = new ByteArrayOutputStream();
			new X12Writer(toSender, new DbControlNumbers(store, tenantId)).write("FA",
					List.of(FunctionalAcknowledgments.build(group)), LocalDateTime.now(ZoneOffset.UTC), x12);
			byte[] bytes = x12.toByteArray();
			String name = "997-" + group.functionalId() + "-" + group.controlNumber();
			long out = journal.append(new JournalEntry(tenantId, partner, "acknowledgments", "OUT", "997", name + ".edi",
					null, OffsetDateTime.now(ZoneOffset.UTC), Map.of("GROUP", group.controlNumber())), bytes);
			write(partner, name + "-" + out + ".edi", bytes);
		}
		return groups.size();
	}

	private void write(String partner, String name, byte[] bytes) throws IOException {
		Path folder = outbox.resolve(partner);
		Files.createDirectories(folder);
		Path temporary = folder.resolve(name + ".part");
		Files.write(temporary, bytes);
		Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}
}
