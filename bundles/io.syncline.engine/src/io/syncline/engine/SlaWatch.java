package io.syncline.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.syncline.store.AuditLog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;
import io.syncline.store.SlaClocks;
import io.syncline.store.Store;
import io.syncline.store.TenantRules;

/**
 * Keeps a tenant's SLA clocks: reads the journal in id order from where it last stopped, starts a clock for every
 * document a rule names and stops it when the reply carrying the same business key is journaled (times are the
 * journal's, so a late check does not make a reply late); then warns of open clocks past {@link #WARN_AT} of their
 * time and breaches those that ran out, each once, with one SLA_BREACH exception. Runs on a schedule and on demand;
 * its time comes from an injected {@link Clock}.
 */
public final class SlaWatch {

	/** The share of a clock's time after which it is due soon, and a warning is published. */
	public static final double WARN_AT = 0.8;

	/** The business keys a clock can follow, in the order they are tried: a document pair shares one of them. */
	private static final List<String> KEYS = List.of("PO", "SO", "ASN", "INVOICE");

	/** Journal rows read per transaction. */
	private static final int BATCH = 500;

	/** What a check did, for subscribers and the command line. */
	public interface Listener {
		void started(SlaClocks.Clock clock);

		void warned(SlaClocks.Clock clock);

		void breached(SlaClocks.Clock clock, long exceptionId);

		void stopped(SlaClocks.Clock clock, SlaClocks.State state, Long lateSeconds);
	}

	public record Checked(int started, int stopped, int warned, int breached) {
	}

	private final Store store;
	private final String tenantId;
	private final Clock clock;
	private final SlaClocks clocks;
	private final JournalSearch search;
	private final ExceptionQueue exceptions;
	private final TenantRules tenantRules = new TenantRules();
	private final AuditLog audit = new AuditLog();

	public SlaWatch(Store store, String tenantId, Clock clock) {
		this.store = store;
		this.tenantId = tenantId;
		this.clock = clock;
		this.clocks = new SlaClocks(store.dialect());
		this.search = new JournalSearch(store);
		this.exceptions = new ExceptionQueue(store);
	}

	public SlaClocks clocks() {
		return clocks;
	}

	/** Follows the journal, then warns and breaches; returns what changed. */
	public synchronized Checked check(Listener listener) throws SQLException {
		int[] counts = new int[4];
		SlaRules rules = store.read(c -> SlaRules.of(tenantRules.all(c, tenantId)));
		boolean idle = rules.isEmpty() && store.read(c -> clocks.list(c, tenantId, new SlaClocks.Filter(
				java.util.EnumSet.of(SlaClocks.State.OPEN, SlaClocks.State.BREACHED), false, null, null), 0, 1)
				.isEmpty());
		if (idle) {
			// nothing to start or stop: skip what was journaled, so a rule set later does not read years of journal
			long last = search.lastId(tenantId);
			store.inTransaction(c -> {
				if (clocks.watermark(c, tenantId) < last) {
					clocks.advance(c, tenantId, last);
				}
				return null;
			});
		}
		boolean more = !idle;
		while (more) {
			more = store.inTransaction(c -> follow(c, rules, listener, counts));
		}
		store.inTransaction(c -> {
			warnAndBreach(c, listener, counts);
			return null;
		});
		return new Checked(counts[0], counts[1], counts[2], counts[3]);
	}

	/** One batch of the journal; true if there may be more. */
	private boolean follow(Connection connection, SlaRules rules, Listener listener, int[] counts) throws SQLException {
		long from = clocks.watermark(connection, tenantId);
		List<MessageJournal.Message> messages = search.after(tenantId, from, BATCH);
		if (messages.isEmpty()) {
			return false;
		}
		Map<Long, Map<String, List<String>>> keys = search.keysBetween(tenantId, messages.get(0).id(),
				messages.get(messages.size() - 1).id());
		long last = from;
		for (MessageJournal.Message message : messages) {
			if (message.direction().equals("IN") && message.status().equals(MessageJournal.Status.RECEIVED.name())) {
				break; // still being processed: its keys and its fate are not known yet; the next check goes on here
			}
			last = message.id();
			if (COUNTED.contains(message.status())) {
				Map<String, List<String>> own = keys.getOrDefault(message.id(), Map.of());
				counts[1] += stop(connection, message, own, listener);
				counts[0] += start(connection, rules, message, own, listener);
			}
		}
		clocks.advance(connection, tenantId, last);
		return last != from && messages.size() == BATCH;
	}

	/** A document that failed or was set aside did not arrive as far as a partner is concerned. */
	private static final Set<String> COUNTED = Set.of("RECEIVED", "APPLIED", "PARTIAL", "PARKED", "SENT");

	private int start(Connection connection, SlaRules rules, MessageJournal.Message message,
			Map<String, List<String>> keys, Listener listener) throws SQLException {
		int started = 0;
		String key = keyOf(keys);
		if (key == null) {
			return 0;
		}
		for (SlaRules.Rule rule : rules.startedBy(message.partnerId(), message.documentType())) {
			OffsetDateTime at = message.receivedAt();
			OffsetDateTime due = rule.byRequestedDate()
					? clocks.requestedDate(connection, tenantId, key)
							.map(date -> date.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)).orElse(null)
					: at.plus(rule.within());
			if (due == null) {
				continue; // the document asks for no date, so this rule sets it none
			}
			if (clocks.start(connection, tenantId, rule.partnerId(), rule.documentType(), rule.replyType(), key,
					rule.value(), message.id(), at, due)) {
				started++;
				listener.started(new SlaClocks.Clock(0, rule.partnerId(), rule.documentType(), rule.replyType(), key,
						rule.value(), message.id(), at, due, null, SlaClocks.State.OPEN, null, null, null, null));
			}
		}
		return started;
	}

	private int stop(Connection connection, MessageJournal.Message reply, Map<String, List<String>> keys,
			Listener listener) throws SQLException {
		int stopped = 0;
		for (String type : KEYS) {
			for (String key : keys.getOrDefault(type, List.of())) {
				for (SlaClocks.Clock open : clocks.awaiting(connection, tenantId, reply.partnerId(),
						reply.documentType(), key)) {
					if (open.startMessageId() >= reply.id()) {
						continue; // journaled before its document: not its reply
					}
					OffsetDateTime at = reply.receivedAt();
					boolean late = at.isAfter(open.dueAt());
					Long lateSeconds = late ? Duration.between(open.dueAt(), at).toSeconds() : null;
					SlaClocks.State state = late ? SlaClocks.State.MET_LATE : SlaClocks.State.MET;
					clocks.stop(connection, tenantId, open.id(), reply.id(), at, state, lateSeconds);
					if (open.exceptionId() != null) {
						// the breach stays for a person to decide (a chargeback, a word with the partner); its history
						// says the reply came and how late
						audit.append(connection, tenantId, "sla", "reply", "exception/" + open.exceptionId(), null,
								null, "the " + open.replyType() + " came " + describe(Duration.ofSeconds(
										lateSeconds == null ? 0 : lateSeconds)) + " late, message " + reply.id());
					}
					listener.stopped(open, state, lateSeconds);
					stopped++;
				}
			}
		}
		return stopped;
	}

	private void warnAndBreach(Connection connection, Listener listener, int[] counts) throws SQLException {
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		for (SlaClocks.Clock open : clocks.runOut(connection, tenantId, now)) {
			long exceptionId = exceptions.open(connection, tenantId, open.startMessageId(), "SLA_BREACH",
					"SLA:" + open.partnerId() + "/" + open.documentType() + "/" + open.replyType() + "/"
							+ open.businessKey(),
					open.documentType() + " " + open.businessKey(), breachDetail(open, now));
			clocks.breached(connection, tenantId, open.id(), exceptionId);
			listener.breached(open, exceptionId);
			counts[3]++;
		}
		for (SlaClocks.Clock open : clocks.unwarned(connection, tenantId)) {
			Duration allowed = Duration.between(open.startedAt(), open.dueAt());
			OffsetDateTime warnFrom = open.startedAt().plus(Duration.ofMillis((long) (allowed.toMillis() * WARN_AT)));
			if (!now.isBefore(warnFrom) && now.isBefore(open.dueAt()) && clocks.warned(connection, tenantId, open.id(), now)) {
				listener.warned(open);
				counts[2]++;
			}
		}
	}

	private static String breachDetail(SlaClocks.Clock open, OffsetDateTime now) {
		return String.format("%s: no %s for %s %s (message %d, journaled %s) by %s, as rule sla.%s.%s.%s = %s says; "
				+ "%s late at %s", open.partnerId(), open.replyType(), open.documentType(), open.businessKey(),
				open.startMessageId(), open.startedAt().withOffsetSameInstant(ZoneOffset.UTC), open.dueAt()
						.withOffsetSameInstant(ZoneOffset.UTC), open.partnerId(), open.documentType(), open.replyType(),
				open.ruleValue(), describe(Duration.between(open.dueAt(), now)), now);
	}

	/** A duration as people say it: 1 h 5 min, 12 s. */
	static String describe(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		long days = seconds / 86_400;
		long hours = seconds % 86_400 / 3_600;
		long minutes = seconds % 3_600 / 60;
		StringBuilder text = new StringBuilder();
		if (days > 0) {
			text.append(days).append(" d ");
		}
		if (hours > 0) {
			text.append(hours).append(" h ");
		}
		if (minutes > 0 && days == 0) {
			text.append(minutes).append(" min ");
		}
		return text.toString().strip();
	}

	private static String keyOf(Map<String, List<String>> keys) {
		for (String type : KEYS) {
			List<String> values = keys.get(type);
			if (values != null && !values.isEmpty()) {
				return values.get(0);
			}
		}
		return null;
	}

	/** Starts, stops and changes nothing is told: for callers that only want the counts. */
	public static final Listener SILENT = new Listener() {
		@Override
		public void started(SlaClocks.Clock clock) {
		}

		@Override
		public void warned(SlaClocks.Clock clock) {
		}

		@Override
		public void breached(SlaClocks.Clock clock, long exceptionId) {
		}

		@Override
		public void stopped(SlaClocks.Clock clock, SlaClocks.State state, Long lateSeconds) {
		}
	};

	/** The clocks a query asks for. */
	public List<SlaClocks.Clock> list(SlaClocks.Filter filter, long afterId, int pageSize) throws SQLException {
		return store.read(c -> clocks.list(c, tenantId, filter, afterId, pageSize));
	}
}
