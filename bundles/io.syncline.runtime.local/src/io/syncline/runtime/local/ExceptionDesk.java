package io.syncline.runtime.local;

import static io.syncline.runtime.local.internal.Calls.call;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.syncline.engine.Ingestion;
import io.syncline.engine.Resolutions;
import io.syncline.formats.PayloadDiff;
import io.syncline.runtime.api.BulkResult;
import io.syncline.runtime.api.Decision;
import io.syncline.runtime.api.ExceptionDetail;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.api.Principal;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.api.ValidationReport;
import io.syncline.runtime.local.internal.Dtos;
import io.syncline.runtime.wire.WireJson;
import io.syncline.store.AuditLog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.ExceptionSearch;

/**
 * The exception queue's calls of one tenant's runtime, as one principal: listing and counting by filter, the detail,
 * editing (with a field-level diff of the edit in the audit), validating a candidate, resubmitting, and deciding or
 * retrying one, a list, or every exception a filter matches, page by page, each audited on its own.
 */
final class ExceptionDesk {

	/** Refuses, audited, what the principal's role does not allow. */
	@FunctionalInterface
	interface Guard {
		void require(Role needed, String what);
	}

	/** How many exceptions a bulk call reads and changes at a time. */
	static final int BULK_PAGE = 500;

	/** Changes kept per edit in the audit row, whose after-image holds 8,000 characters. */
	static final int CHANGES_AUDITED = 40;

	/** Change events announced per bulk call: a live view hears that many changed, not 100,000 events. */
	static final int BULK_ANNOUNCED = 100;

	private final TenantParts parts;
	private final String tenantId;
	private final Principal principal;
	private final Guard guard;
	private final ExceptionSearch search;

	ExceptionDesk(TenantParts parts, Principal principal, Guard guard) {
		this.parts = parts;
		this.tenantId = parts.tenantId;
		this.principal = principal;
		this.guard = guard;
		this.search = new ExceptionSearch(parts.store);
	}

	private static ExceptionSearch.Filter filter(ExceptionQuery query) {
		return new ExceptionSearch.Filter(query.openOnly(), query.kind(), query.assignee(), query.partnerId(),
				query.state(), query.createdBefore() == null ? null
						: OffsetDateTime.ofInstant(query.createdBefore(), ZoneOffset.UTC));
	}

	Page<ExceptionSummary> list(ExceptionQuery query) {
		return call("list exceptions", () -> {
			List<ExceptionQueue.Item> rows = search.list(tenantId, filter(query), query.afterId(), query.pageSize());
			long next = rows.size() == query.pageSize() ? rows.get(rows.size() - 1).id() : 0;
			return new Page<>(rows.stream().map(Dtos::exception).toList(), next);
		});
	}

	Map<String, Long> counts(ExceptionQuery query) {
		return call("count exceptions", () -> search.countsByKind(tenantId, filter(query)));
	}

	ExceptionDetail detail(long exceptionId) {
		return call("read exception " + exceptionId, () -> parts.work.detail(exceptionId));
	}

	void editPayload(long exceptionId, byte[] payload, String reason) {
		guard.require(Role.OPERATOR, "edit exception " + exceptionId);
		call("edit exception " + exceptionId, () -> {
			ExceptionQueue.Item item = parts.queue.get(tenantId, exceptionId);
			String changes = changes(parts.work.currentPayload(item), payload);
			parts.queue.editPayload(tenantId, exceptionId, payload, principal.user(), reason, changes);
			return null;
		});
		changed(exceptionId, "payload edited by " + principal.user());
	}

	/** The edit's field-level diff as JSON, at most {@link #CHANGES_AUDITED} changes and a count of the rest. */
	private static String changes(byte[] before, byte[] after) {
		List<PayloadDiff.Change> all = PayloadDiff.diff(before, after);
		List<Object> kept = new ArrayList<>(all.subList(0, Math.min(all.size(), CHANGES_AUDITED)).stream()
				.map(change -> Map.of("where", change.where(), "before", clip(change.before()), "after",
						clip(change.after())))
				.toList());
		if (all.size() > CHANGES_AUDITED) {
			kept.add(Map.of("more", all.size() - CHANGES_AUDITED));
		}
		return json(kept);
	}

	private static String clip(String value) {
		return value == null ? "" : value.length() <= 80 ? value : value.substring(0, 79) + "…";
	}

	ValidationReport validate(long exceptionId, byte[] candidate, Integer mappingVersion) {
		guard.require(Role.OPERATOR, "validate exception " + exceptionId);
		return call("validate exception " + exceptionId,
				() -> parts.work.validate(exceptionId, mappingVersion, candidate));
	}

	SubmitResult resubmit(long exceptionId, Integer mappingVersion) {
		guard.require(Role.OPERATOR, "resubmit exception " + exceptionId);
		Ingestion.Result result = call("resubmit exception " + exceptionId,
				() -> parts.work.resubmit(exceptionId, mappingVersion, principal.user()));
		parts.announce(result);
		changed(exceptionId, "resubmitted as message " + result.messageId() + " by " + principal.user());
		return Dtos.submitted(result);
	}

	BulkResult retry(List<Long> exceptionIds, boolean dryRun) {
		guard.require(Role.OPERATOR, "retry exceptions");
		BulkResult result = call("retry exceptions", () -> parts.work.retry(exceptionIds, dryRun, principal.user()));
		if (!dryRun) {
			announce(result.items());
		}
		return result;
	}

	BulkResult retryMatching(ExceptionQuery query, boolean dryRun) {
		guard.require(Role.OPERATOR, "retry exceptions by filter");
		List<BulkResult.Item> items = new ArrayList<>();
		ExceptionSearch.Filter open = filter(openOnly(query));
		long after = 0;
		while (true) {
			long from = after;
			List<ExceptionQueue.Item> page = call("list exceptions to retry",
					() -> search.list(tenantId, open, from, BULK_PAGE));
			if (page.isEmpty()) {
				break;
			}
			List<Long> ids = page.stream().map(ExceptionQueue.Item::id).toList();
			items.addAll(call("retry exceptions", () -> parts.work.retry(ids, dryRun, principal.user())).items());
			after = ids.get(ids.size() - 1);
		}
		if (!dryRun) {
			audited("retry-by-filter", query, items, "retried by filter");
			announce(items);
		}
		return new BulkResult(dryRun, items);
	}

	void decide(long exceptionId, Decision decision, String reason) {
		guard.require(Role.OPERATOR, decision.name().toLowerCase() + " exception " + exceptionId);
		call(decision.name().toLowerCase() + " exception " + exceptionId, () -> {
			decideOne(exceptionId, decision, reason);
			return null;
		});
		changed(exceptionId, decision.name().toLowerCase() + " by " + principal.user() + ": " + reason);
	}

	private void decideOne(long exceptionId, Decision decision, String reason)
			throws java.sql.SQLException, java.io.IOException {
		if (decision == Decision.RESOLVE) {
			parts.queue.close(tenantId, exceptionId, principal.user(), ExceptionQueue.State.RESOLVED, reason);
			return;
		}
		ExceptionQueue.Item item = parts.queue.get(tenantId, exceptionId);
		parts.resolutions.decide(tenantId, exceptionId, Resolutions.Decision.valueOf(decision.name()),
				principal.user(), reason);
		String key = item.businessKey();
		if (decision == Decision.ACCEPT && key != null && key.startsWith("PO-") && key.contains("/")) {
			// the agreed price moved: an invoice held as a mismatch against the old one is matched again
			for (Ingestion.Result rematched : parts.work.rematchInvoices(key.substring(0, key.lastIndexOf('/')),
					principal.user())) {
				parts.announce(rematched);
			}
		}
	}

	BulkResult decideMatching(ExceptionQuery query, Decision decision, String reason, boolean dryRun) {
		guard.require(Role.OPERATOR, decision.name().toLowerCase() + " exceptions by filter");
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("deciding by filter needs a reason; it is audited on every exception");
		}
		List<BulkResult.Item> items = new ArrayList<>();
		ExceptionSearch.Filter open = filter(openOnly(query));
		long after = 0;
		while (true) {
			long from = after;
			List<ExceptionQueue.Item> page = call("list exceptions to decide",
					() -> search.list(tenantId, open, from, BULK_PAGE));
			if (page.isEmpty()) {
				break;
			}
			for (ExceptionQueue.Item item : page) {
				items.add(decided(item, decision, reason, dryRun));
			}
			after = page.get(page.size() - 1).id();
		}
		if (!dryRun) {
			audited(decision.name().toLowerCase() + "-by-filter", query, items, reason);
			announce(items);
		}
		return new BulkResult(dryRun, items);
	}

	private BulkResult.Item decided(ExceptionQueue.Item item, Decision decision, String reason, boolean dryRun) {
		String refusal = Resolutions.refusal(item, Resolutions.Decision.valueOf(
				decision == Decision.RESOLVE ? "IGNORE" : decision.name()));
		if (refusal != null) {
			return new BulkResult.Item(item.id(), dryRun ? "WOULD_REFUSE" : "REFUSED", refusal);
		}
		if (dryRun) {
			return new BulkResult.Item(item.id(), "WOULD_DECIDE", item.kind() + " " + item.businessKey());
		}
		try {
			call(decision.name().toLowerCase() + " exception " + item.id(), () -> {
				decideOne(item.id(), decision, reason);
				return null;
			});
			return new BulkResult.Item(item.id(), "DECIDED", decision.name().toLowerCase() + ": " + reason);
		} catch (RuntimeException e) {
			return new BulkResult.Item(item.id(), "REFUSED", e.getMessage());
		}
	}

	void assign(long exceptionId, String assignee) {
		guard.require(Role.OPERATOR, "assign exception " + exceptionId);
		call("assign exception " + exceptionId, () -> {
			parts.queue.assign(tenantId, exceptionId, principal.user(), assignee);
			return null;
		});
		changed(exceptionId, "assigned to " + assignee + " by " + principal.user());
	}

	private static ExceptionQuery openOnly(ExceptionQuery query) {
		return new ExceptionQuery(true, query.kind(), query.assignee(), 0, BULK_PAGE, query.partnerId(),
				query.state(), query.createdBefore());
	}

	/** The bulk call itself, beside the audit row of each exception it changed: the filter and what came of it. */
	private void audited(String action, ExceptionQuery query, List<BulkResult.Item> items, String reason) {
		Map<String, Long> outcomes = new java.util.TreeMap<>();
		items.forEach(item -> outcomes.merge(item.outcome(), 1L, Long::sum));
		Map<String, Object> filter = new java.util.LinkedHashMap<>();
		filter.put("kind", query.kind());
		filter.put("assignee", query.assignee());
		filter.put("partner", query.partnerId());
		filter.put("state", query.state());
		filter.put("createdBefore", query.createdBefore() == null ? null : query.createdBefore().toString());
		call("audit " + action, () -> parts.store.inTransaction(connection -> {
			new AuditLog().append(connection, tenantId, principal.user(), action, "exceptions",
					json(Map.of("filter", filter)), json(Map.of("outcomes", outcomes)), reason);
			return null;
		}));
	}

	private static String json(Object value) {
		try {
			return WireJson.mapper().writeValueAsString(value);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("an audit row cannot be written", e);
		}
	}

	private void announce(List<BulkResult.Item> items) {
		items.stream().filter(item -> !item.outcome().startsWith("WOULD") && !item.outcome().equals("SKIPPED"))
				.limit(BULK_ANNOUNCED).forEach(item -> changed(item.exceptionId(), item.outcome() + ": " + item.detail()));
	}

	private void changed(long exceptionId, String detail) {
		call("announce exception " + exceptionId, () -> {
			parts.announcements.exceptionChanged(exceptionId, detail);
			return null;
		});
	}
}
