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
import io.syncline.formats.NodePath;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
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

	private static final NodePath FUNCTIONAL_ID = NodePath.compile("AK1/AK101");
	private static final NodePath GROUP = NodePath.compile("AK1/AK102");
	private static final NodePath GROUP_CODE = NodePath.compile("AK9/AK901");
	private static final NodePath SETS = NodePath.compile("AK2_LOOP");
	private static final NodePath SET_TYPE = NodePath.compile("AK2/AK201");
	private static final NodePath SET_NUMBER = NodePath.compile("AK2/AK202");
	private static final NodePath SET_CODE = NodePath.compile("AK5/AK501");
	private static final NodePath SEGMENT_ERRORS = NodePath.compile("AK3_LOOP");
	private static final NodePath SEGMENT_TAG = NodePath.compile("AK3/AK301");
	private static final NodePath SEGMENT_POSITION = NodePath.compile("AK3/AK302");
	private static final NodePath SEGMENT_ERROR = NodePath.compile("AK3/AK304");
	private static final NodePath ELEMENT_ERRORS = NodePath.compile("AK4");

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
		try (RecordReader reader = Formats.open(new ByteArrayInputStream(run.payload), run.sourceName,
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

	private void acknowledge(MessageRun run, String partner, Node ack) throws SQLException {
		String functionalId = FUNCTIONAL_ID.value(ack);
		String group = GROUP.value(ack);
		String code = GROUP_CODE.value(ack);
		String where = ack.location().describe();
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
		run.transact(connection -> {
			journal.addKeys(connection, tenantId, run.message, Map.of(SENT_GROUP, key));
			return null;
		});
		if (sent.isEmpty()) {
			run.fail("ACK_UNMATCHED", where, "a 997 for group " + number + " (" + functionalId + "), which was not sent to '"
					+ partner + "'");
			return;
		}
		if ("A".equals(code)) {
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
	private static String setErrors(Node ack) {
		StringBuilder detail = new StringBuilder();
		for (Node set : SETS.all(ack)) {
			String setCode = SET_CODE.value(set);
			if ("A".equals(setCode)) {
				continue;
			}
			detail.append("; ").append(SET_TYPE.value(set)).append(" ST02 ").append(SET_NUMBER.value(set))
					.append(": AK501 ").append(setCode);
			for (Node segment : SEGMENT_ERRORS.all(set)) {
				detail.append(", segment ").append(SEGMENT_TAG.value(segment)).append(" at position ")
						.append(SEGMENT_POSITION.value(segment));
				if (SEGMENT_ERROR.value(segment) != null) {
					detail.append(" error ").append(SEGMENT_ERROR.value(segment));
				}
				for (Node element : ELEMENT_ERRORS.all(segment)) {
					detail.append(", element ").append(value(element, "AK401")).append(" error ")
							.append(value(element, "AK403"));
					if (value(element, "AK404") != null) {
						detail.append(" value '").append(value(element, "AK404")).append("'");
					}
				}
			}
		}
		return detail.toString();
	}

	/** An element's value; for a composite (AK401, the position in the segment), its first component's. */
	private static String value(Node segment, String element) {
		Node child = segment.child(element);
		if (child == null) {
			return null;
		}
		return child.value() != null || child.childCount() == 0 ? child.value() : child.childAt(0).value();
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
