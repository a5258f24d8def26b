package io.syncline.runtime.server.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.syncline.runtime.api.AuditQuery;
import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.api.NewToken;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.api.ShipmentConfirmation;
import io.syncline.runtime.api.SlaQuery;
import io.syncline.runtime.wire.Bodies;
import io.syncline.runtime.wire.Operation;

/**
 * What each route does: reads its parameters and body, makes the one {@code IntegrationRuntime} call, answers its
 * result as JSON. The runtime is already the caller's, in the tenant of the path.
 */
final class Calls {

	private final int maxJson;
	private final long maxBody;

	Calls(int maxJson, long maxBody) {
		this.maxJson = maxJson;
		this.maxBody = maxBody;
	}

	void run(Operation operation, IntegrationRuntime runtime, Exchange x) throws IOException {
		switch (operation) {
		case PRINCIPAL -> x.ok(runtime.principal());
		case LIST_TENANTS -> x.ok(runtime.tenants());
		case STATUS -> x.ok(runtime.status());
		case CREATE_TENANT -> x.created(runtime.createTenant(x.json(NewTenant.class, maxJson)));
		case SUBMIT -> x.ok(runtime.submit(x.requireQuery("partner"), x.query("type"), x.requireQuery("source"),
				x.body(maxBody)));
		case JOURNAL -> x.ok(runtime.journal(journalQuery(x)));
		case PAYLOAD -> x.send(200, "application/octet-stream", runtime.payload(x.pathId()));
		case TRACE -> x.ok(runtime.trace(x.requireQuery("key")));
		case EXCEPTIONS -> x.ok(runtime.exceptions(exceptionQuery(x)));
		case EXCEPTION_COUNTS -> x.ok(runtime.exceptionCounts(exceptionQuery(x)));
		case EXCEPTION -> x.ok(runtime.exception(x.pathId()));
		case EDIT_PAYLOAD -> {
			Bodies.EditPayload edit = x.json(Bodies.EditPayload.class, (int) Math.min(Integer.MAX_VALUE, maxBody));
			if (edit.payload() == null) {
				throw new IllegalArgumentException("field 'payload' is required");
			}
			runtime.editPayload(x.pathId(), edit.payload(), edit.reason());
			x.noContent();
		}
		case VALIDATE -> {
			Bodies.Validate candidate = x.optionalJson(Bodies.Validate.class, (int) Math.min(Integer.MAX_VALUE, maxBody));
			x.ok(candidate == null || (candidate.payload() == null && candidate.mappingVersion() == null)
					? runtime.validate(x.pathId())
					: runtime.validate(x.pathId(), candidate.payload(), candidate.mappingVersion()));
		}
		case RESUBMIT -> x.ok(runtime.resubmit(x.pathId(), x.json(Bodies.Resubmit.class, maxJson).mappingVersion()));
		case RETRY -> {
			Bodies.Retry retry = x.json(Bodies.Retry.class, maxJson);
			if (retry.exceptionIds() == null || retry.exceptionIds().isEmpty()) {
				throw new IllegalArgumentException("field 'exceptionIds' names the exceptions to retry");
			}
			x.ok(runtime.retry(retry.exceptionIds(), retry.dryRun()));
		}
		case RETRY_MATCHING -> {
			Bodies.RetryMatching retry = x.json(Bodies.RetryMatching.class, maxJson);
			x.ok(runtime.retryMatching(filter(retry.filter()).query(), retry.dryRun()));
		}
		case DECIDE_MATCHING -> {
			Bodies.DecideMatching decide = x.json(Bodies.DecideMatching.class, maxJson);
			if (decide.decision() == null) {
				throw new IllegalArgumentException("field 'decision' is ACCEPT, REJECT, IGNORE or RESOLVE");
			}
			x.ok(runtime.decideMatching(filter(decide.filter()).query(), decide.decision(), decide.reason(),
					decide.dryRun()));
		}
		case DECIDE -> {
			Bodies.Decide decide = x.json(Bodies.Decide.class, maxJson);
			if (decide.decision() == null) {
				throw new IllegalArgumentException("field 'decision' is ACCEPT, REJECT, IGNORE or RESOLVE");
			}
			runtime.decide(x.pathId(), decide.decision(), decide.reason());
			x.noContent();
		}
		case ASSIGN -> {
			runtime.assign(x.pathId(), x.json(Bodies.Assign.class, maxJson).assignee());
			x.noContent();
		}
		case DOCUMENT -> x.ok(runtime.document(BusinessDocument.Type.valueOf(x.path("type").toUpperCase(Locale.ROOT)),
				x.requireQuery("key")).orElseThrow(() -> new NotFoundException("no " + x.path("type") + " "
						+ x.query("key"))));
		case SHIP -> x.ok(runtime.confirmShipment(x.json(ShipmentConfirmation.class, maxJson)));
		case ATP -> x.ok(runtime.explainAtp(x.requireQuery("item"), x.requireQuery("warehouse")));
		case RULES -> x.ok(runtime.tenantRules());
		case SET_RULE -> {
			Bodies.SetRule rule = x.json(Bodies.SetRule.class, maxJson);
			x.ok(new Bodies.RuleChanged(runtime.setTenantRule(x.path("key"), rule.value(), rule.reason())));
		}
		case AUDIT -> x.ok(runtime.audit(new AuditQuery(x.query("actor"), x.query("action"), x.query("subject"),
				instant(x, "from"), instant(x, "to"), x.queryLong("before", 0), x.queryInt("limit", 200))));
		case METRICS -> x.ok(runtime.metrics(x.queryInt("minutes", 60)));
		case METRICS_SERIES -> x.ok(runtime.metricsSeries(x.queryInt("minutes", 60), x.queryInt("bucket", 1)));
		case SLA_CLOCKS -> x.ok(runtime.slaClocks(new SlaQuery(view(x.query("view")), x.query("partner"),
				x.query("document"), x.queryLong("after", 0), x.queryInt("limit", 200))));
		case PARTNERS -> x.ok(runtime.partners());
		case SAVE_PARTNER -> {
			Bodies.SavePartner save = x.json(Bodies.SavePartner.class, maxJson);
			if (save.partner() == null || !x.path("partner").equals(save.partner().partnerId())) {
				throw new IllegalArgumentException("field 'partner' must be partner " + x.path("partner")
						+ ", as the path says");
			}
			x.ok(runtime.savePartner(save.partner(), save.reason()));
		}
		case ENDPOINTS -> x.ok(runtime.endpoints());
		case SAVE_ENDPOINT -> {
			Bodies.SaveEndpoint save = x.json(Bodies.SaveEndpoint.class, maxJson);
			if (save.endpoint() == null || !x.path("endpoint").equals(save.endpoint().endpointId())) {
				throw new IllegalArgumentException("field 'endpoint' must be endpoint " + x.path("endpoint")
						+ ", as the path says");
			}
			x.ok(runtime.saveEndpoint(save.endpoint(), save.secrets(), save.reason()));
		}
		case REMOVE_ENDPOINT -> {
			runtime.removeEndpoint(x.path("endpoint"), x.json(Bodies.Reason.class, maxJson).reason());
			x.noContent();
		}
		case TEST_ENDPOINT -> x.ok(runtime.testEndpoint(x.path("endpoint")));
		case WORKFLOWS -> x.ok(runtime.workflows());
		case MAPPINGS -> x.ok(runtime.mappings());
		case MAPPING_VERSIONS -> x.ok(runtime.mappingVersions(x.path("mapping")));
		case MAPPING -> x.send(200, "application/xml",
				runtime.mapping(x.path("mapping"), Integer.parseInt(x.path("version"))));
		case PUBLISH_MAPPING -> {
			Bodies.PublishMapping publish = x.json(Bodies.PublishMapping.class, maxJson * 16);
			if (publish.synmap() == null) {
				throw new IllegalArgumentException("field 'synmap' is required");
			}
			x.ok(runtime.publishMapping(x.path("mapping"), publish.synmap(), publish.comment()));
		}
		case TOKENS -> x.ok(runtime.tokens());
		case CREATE_TOKEN -> {
			Bodies.CreateToken create = x.json(Bodies.CreateToken.class, maxJson);
			x.created(runtime.createToken(new NewToken(create.user(), create.role(),
					NewToken.validity(create.validFor()), create.reason())));
		}
		case REVOKE_TOKEN -> x.ok(runtime.revokeToken(x.pathId(), x.json(Bodies.RevokeToken.class, maxJson).reason()));
		default -> throw new IllegalStateException(operation + " is not a plain call");
		}
	}

	private static Bodies.ExceptionFilter filter(Bodies.ExceptionFilter filter) {
		if (filter == null) {
			throw new IllegalArgumentException("field 'filter' says which exceptions: {} for every open one");
		}
		return filter;
	}

	private static ExceptionQuery exceptionQuery(Exchange x) {
		return new ExceptionQuery(x.queryFlag("open"), x.query("kind"), x.query("assignee"), x.queryLong("after", 0),
				x.queryInt("limit", 200), x.query("partner"), x.query("state"), instant(x, "before"));
	}

	private static JournalQuery journalQuery(Exchange x) {
		JournalQuery query = new JournalQuery(x.query("partner"), x.query("flow"), x.query("type"),
				x.query("direction"), x.query("status"), x.query("key"), instant(x, "from"), instant(x, "to"),
				x.queryLong("after", 0), x.queryInt("limit", JournalQuery.DEFAULT_PAGE_SIZE));
		String order = x.query("order");
		if (order == null || order.equals("oldest")) {
			return query;
		}
		if (order.equals("newest")) {
			return query.newestFirst();
		}
		throw new IllegalArgumentException("query parameter 'order': oldest or newest, not '" + order + "'");
	}

	private static Instant instant(Exchange x, String name) {
		String value = x.query(name);
		try {
			return value == null ? null : Instant.parse(value);
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("query parameter '" + name + "': '" + value
					+ "' is not an ISO-8601 instant such as 2026-12-02T18:00:00Z");
		}
	}

	private static SlaQuery.View view(String value) {
		if (value == null) {
			return null;
		}
		try {
			return SlaQuery.View.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("query parameter 'view': open, due-soon, breached or met, not '"
					+ value + "'");
		}
	}
}
