package io.syncline.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.x12.FunctionalAcknowledgments;
import io.syncline.formats.x12.ReceivedAck;
import io.syncline.formats.x12.TransactionAck;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

/**
 * A partner's 997s for the groups we sent it. Each acknowledged group is linked to the documents we sent in it (they
 * share the key {@code partner/group number}, so {@code trace} shows the 997 beside the 855, 856 or 810); a group
 * the partner rejected, or accepted with errors, opens an exception naming each transaction set and the segment and
 * element the partner objected to; a 997 for a group we never sent opens one too.
 */
final class ReceivedAcknowledgments {

	/** The journal key shared by the documents sent in one group and the 997 that answers it. */
	static final String SENT_GROUP = "SENT_GROUP";

	/** The business keys of an answered document that its 997 carries too. */
	private static final java.util.Set<String> TRACED = java.util.Set.of("PO", "SO", "ASN", "INVOICE");

	private final String tenantId;
	private final MessageJournal journal;
	private final JournalSearch search;

	ReceivedAcknowledgments(Store store, String tenantId) {
		this.tenantId = tenantId;
		this.journal = new MessageJournal(store);
		this.search = new JournalSearch(store);
	}

	/** The value to look documents up by: the partner and our group control number. */
	static String sentGroupKey(String partner, long groupControlNumber) {
		return partner + "/" + groupControlNumber;
	}

	void apply(MessageRun run, String partner) throws IOException, SQLException {
		List<Problem> problems = new ArrayList<>();
		List<Node> acknowledgments = new ArrayList<>();
		try (RecordReader reader = Formats.open(new ByteArrayInputStream(run.payload.bytes()), run.sourceName,
				SourceOptions.of(SourceFormat.X12), problems::add)) {
			Node record;
			while ((record = reader.next()) != null) {
				acknowledgments.add(record);
			}
		} catch (FormatException e) {
			problems.add(e.problem());
		}
		for (Problem problem : problems) {
			run.fail("INVALID_997", problem.location().describe(), problem.message());
		}
		for (Node ack : acknowledgments) {
			run.records++;
			acknowledge(run, partner, ack);
		}
	}

	private void acknowledge(MessageRun run, String partner, Node transaction) throws SQLException {
		ReceivedAck ack = FunctionalAcknowledgments.read(transaction);
		String functionalId = ack.functionalId();
		String group = ack.groupControlNumber();
		String code = ack.groupCode();
		String where = transaction.location().describe();
		long number;
		try {
			number = Long.parseLong(group.strip());
		} catch (RuntimeException e) {
			run.fail("INVALID_997", where, "AK102: group control number '" + group + "' is not a number");
			return;
		}
		String key = sentGroupKey(partner, number);
		List<MessageJournal.Message> sent = search.search(tenantId,
				new JournalSearch.Filter(partner, null, null, "OUT", null, key, null, null), 0, 100);
		// the 997 also carries the keys of what it answers, so the trace of PO-45001 shows Acme's 997 for its 850
		List<Map<String, String>> answered = new ArrayList<>();
		for (MessageJournal.Message document : sent) {
			for (Map.Entry<String, String> keys : search.keysOf(tenantId, document.id()).entrySet()) {
				for (String value : keys.getValue().split(", ")) {
					if (TRACED.contains(keys.getKey())) {
						answered.add(Map.of(keys.getKey(), value));
					}
				}
			}
		}
		run.transact(connection -> {
			journal.addKeys(connection, tenantId, run.message, Map.of(SENT_GROUP, key));
			for (Map<String, String> businessKey : answered) {
				journal.addKeys(connection, tenantId, run.message, businessKey);
			}
			return null;
		});
		if (sent.isEmpty()) {
			run.fail("ACK_UNMATCHED", where, "a 997 for group " + number + " (" + functionalId + "), which was not sent to '"
					+ partner + "'");
			return;
		}
		if (ack.accepted()) {
			run.outcomes.merge("GROUP_ACCEPTED", 1L, Long::sum);
			run.applied++;
			return;
		}
		run.outcomes.merge("GROUP_REJECTED", 1L, Long::sum);
		run.fail("ACK_REJECTED", where, partner + " answered group " + number + " (" + describe(sent) + ") with AK901 "
				+ code + " (" + groupCodeMeaning(code) + ")" + setErrors(ack));
	}

	private static String describe(List<MessageJournal.Message> sent) {
		List<String> documents = new ArrayList<>();
		for (MessageJournal.Message message : sent) {
			documents.add(message.documentType() + " " + message.sourceName());
		}
		return String.join(", ", documents);
	}

	/** Each transaction set the partner did not accept, with the segments and elements it named. */
	private static String setErrors(ReceivedAck ack) {
		StringBuilder detail = new StringBuilder();
		for (ReceivedAck.SetAck set : ack.sets()) {
			if ("A".equals(set.code())) {
				continue;
			}
			detail.append("; ").append(set.transactionSet()).append(" ST02 ").append(set.controlNumber())
					.append(": AK501 ").append(set.code());
			for (TransactionAck.SegmentNote note : set.notes()) {
				detail.append(", segment ").append(note.segmentTag()).append(" at position ")
						.append(note.segmentPosition());
				if (note.segmentErrorCode() != null) {
					detail.append(" error ").append(note.segmentErrorCode());
				}
				if (note.elementPosition() > 0) {
					detail.append(", element ").append(note.elementPosition()).append(" error ")
							.append(note.elementErrorCode());
					if (note.badData() != null) {
						detail.append(" value '").append(note.badData()).append("'");
					}
				}
			}
		}
		return detail.toString();
	}

	private static String groupCodeMeaning(String code) {
		return switch (code == null ? "" : code) {
		case "E" -> "accepted, but errors were noted";
		case "P" -> "partially accepted";
		case "R" -> "rejected";
		case "M" -> "rejected, message authentication failed";
		case "W" -> "rejected, assurance failed";
		case "X" -> "rejected, content could not be analyzed";
		default -> "not a known acknowledgment code";
		};
	}
}
