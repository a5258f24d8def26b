package io.syncline.runtime.local.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import io.syncline.engine.SlaRules;
import io.syncline.engine.SlaWatch;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.SlaClock;
import io.syncline.runtime.api.SlaQuery;
import io.syncline.store.SlaClocks;
import io.syncline.store.Store;
import io.syncline.store.TenantRules;

/** The runtime's side of SLA clocks: checking them with events for every change, listing them, setting the rules. */
public final class SlaBoard {

	private final Store store;
	private final String tenantId;
	private final SlaWatch watch;
	private final EventBus events;

	public SlaBoard(Store store, String tenantId, Clock clock, EventBus events) {
		this.store = store;
		this.tenantId = tenantId;
		this.watch = new SlaWatch(store, tenantId, clock);
		this.events = events;
	}

	/** Follows the journal and warns and breaches what is due, publishing an event for each. */
	public SlaWatch.Checked check() throws SQLException {
		return watch.check(new SlaWatch.Listener() {
			@Override
			public void started(SlaClocks.Clock clock) {
				// a clock starting is no news: its document's own events said it was journaled
			}

			@Override
			public void warned(SlaClocks.Clock clock) {
				publish(RuntimeEvent.Type.SLA_WARNING, clock, null, "OPEN", clock.partnerId() + " " + clock.replyType()
						+ " for " + clock.documentType() + " " + clock.businessKey() + " is due at " + clock.dueAt());
			}

			@Override
			public void breached(SlaClocks.Clock clock, long exceptionId) {
				publish(RuntimeEvent.Type.SLA_BREACHED, clock, exceptionId, "BREACHED", clock.partnerId() + " "
						+ clock.replyType() + " for " + clock.documentType() + " " + clock.businessKey() + " was due at "
						+ clock.dueAt());
			}

			@Override
			public void stopped(SlaClocks.Clock clock, SlaClocks.State state, Long lateSeconds) {
				publish(RuntimeEvent.Type.SLA_MET, clock, clock.exceptionId(), state.name(), clock.replyType() + " for "
						+ clock.documentType() + " " + clock.businessKey() + (lateSeconds == null ? " in time"
								: " " + lateSeconds + " s late"));
			}
		});
	}

	private void publish(RuntimeEvent.Type type, SlaClocks.Clock clock, Long exceptionId, String status,
			String detail) {
		if (events.hasSubscribers()) {
			events.publish(new RuntimeEvent(type, Instant.now(), clock.startMessageId(), exceptionId,
					clock.partnerId(), clock.documentType(), clock.businessKey(), status, detail));
		}
	}

	public Page<SlaClock> list(SlaQuery query) throws SQLException {
		SlaClocks.Filter filter = switch (query.view() == null ? "" : query.view().name()) {
		case "OPEN" -> new SlaClocks.Filter(EnumSet.of(SlaClocks.State.OPEN), false, query.partnerId(),
				query.documentType());
		case "DUE_SOON" -> new SlaClocks.Filter(EnumSet.of(SlaClocks.State.OPEN), true, query.partnerId(),
				query.documentType());
		case "BREACHED" -> new SlaClocks.Filter(EnumSet.of(SlaClocks.State.BREACHED, SlaClocks.State.MET_LATE), false,
				query.partnerId(), query.documentType());
		case "MET" -> new SlaClocks.Filter(EnumSet.of(SlaClocks.State.MET, SlaClocks.State.MET_LATE), false,
				query.partnerId(), query.documentType());
		default -> new SlaClocks.Filter(null, false, query.partnerId(), query.documentType());
		};
		List<SlaClock> clocks = watch.list(filter, query.afterId(), query.pageSize()).stream().map(SlaBoard::dto)
				.toList();
		long next = clocks.size() == query.pageSize() ? clocks.get(clocks.size() - 1).id() : 0;
		return new Page<>(clocks, next);
	}

	private static SlaClock dto(SlaClocks.Clock clock) {
		return new SlaClock(clock.id(), clock.partnerId(), clock.documentType(), clock.replyType(),
				clock.businessKey(), "sla." + clock.partnerId() + "." + clock.documentType() + "." + clock.replyType()
						+ " = " + clock.ruleValue(), clock.state().name(),
				clock.state() == SlaClocks.State.OPEN && clock.warnedAt() != null, Dtos.instant(clock.startedAt()),
				Dtos.instant(clock.dueAt()), Dtos.instant(clock.stoppedAt()), clock.lateSeconds(),
				clock.startMessageId(), clock.replyMessageId(), clock.exceptionId());
	}

	/** Sets or removes an SLA rule, refusing a malformed one by name; audited with the reason. */
	public void setRule(String key, String value, String actor, String reason) throws SQLException {
		if (value != null) {
			SlaRules.parse(key, value);
		}
		store.inTransaction(c -> {
			new TenantRules().put(c, tenantId, key, value, actor, reason);
			return null;
		});
	}
}
