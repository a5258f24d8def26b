package io.syncline.runtime.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.syncline.runtime.api.AccessToken;
import io.syncline.runtime.api.AtpExplanation;
import io.syncline.runtime.api.AuditEntry;
import io.syncline.runtime.api.AuditQuery;
import io.syncline.runtime.api.BulkResult;
import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.api.Decision;
import io.syncline.runtime.api.ExceptionDetail;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.FlowMetrics;
import io.syncline.runtime.api.FlowMetricsPoint;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.IssuedToken;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MappingVersion;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.api.NewToken;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.api.Principal;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.RuntimeStatus;
import io.syncline.runtime.api.ShipmentConfirmation;
import io.syncline.runtime.api.ShipmentResult;
import io.syncline.runtime.api.SlaClock;
import io.syncline.runtime.api.SlaQuery;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.api.StreamState;
import io.syncline.runtime.api.Subscription;
import io.syncline.runtime.api.Tenant;
import io.syncline.runtime.api.ValidationReport;
import io.syncline.runtime.client.internal.EventStream;
import io.syncline.runtime.client.internal.Http;
import io.syncline.runtime.wire.Bodies;
import io.syncline.runtime.wire.Operation;
import io.syncline.runtime.wire.WireJson;

/**
 * A runtime on another machine behind the same {@link IntegrationRuntime} API, over its HTTP API with OkHttp:
 * it acts as the principal of its token, in one tenant at a time. Errors arrive as the exceptions a local runtime
 * throws ({@code NotFoundException}, {@code AccessDeniedException} …); a runtime that cannot be reached as
 * {@code RuntimeUnavailableException}. Calls block on the network: keep them off any UI thread.
 */
public final class RemoteRuntime implements IntegrationRuntime {

	private static final TypeFactory TYPES = WireJson.mapper().getTypeFactory();

	private final Http http;
	private final Principal principal;
	private final String tenantId;
	private final boolean root;
	private volatile Consumer<StreamState> streamState = state -> {
	};

	private RemoteRuntime(Http http, Principal principal, String tenantId, boolean root) {
		this.http = http;
		this.principal = principal;
		this.tenantId = tenantId;
		this.root = root;
	}

	/** Connects: asks who the token acts as and which tenants it sees; fails fast if the runtime refuses it. */
	public static RemoteRuntime connect(RemoteSettings settings) {
		Http http = new Http(settings);
		try {
			Principal principal = http.get(Operation.PRINCIPAL, new Object[0], null, type(Principal.class));
			List<Tenant> tenants = http.get(Operation.LIST_TENANTS, new Object[0], null, listOf(Tenant.class));
			String tenant = settings.tenant() != null ? settings.tenant()
					: principal.tenantId() != null ? principal.tenantId()
							: tenants.isEmpty() ? null : tenants.get(0).tenantId();
			if (tenant == null || tenants.stream().noneMatch(t -> t.tenantId().equals(tenant))) {
				throw new NotFoundException("the token of " + principal.user() + " sees no tenant " + tenant);
			}
			return new RemoteRuntime(http, principal, tenant, true);
		} catch (RuntimeException e) {
			http.close();
			throw e;
		}
	}

	/** Who hears of lost and resumed event streams (a status line); by default no one. */
	public void onStreamState(Consumer<StreamState> listener) {
		streamState = listener == null ? state -> {
		} : listener;
	}

	private static JavaType type(Class<?> type) {
		return TYPES.constructType(type);
	}

	private static JavaType listOf(Class<?> type) {
		return TYPES.constructCollectionType(List.class, type);
	}

	private static JavaType pageOf(Class<?> type) {
		return TYPES.constructParametricType(Page.class, type);
	}

	private static JavaType textMap() {
		return TYPES.constructMapType(Map.class, String.class, String.class);
	}

	private Object[] at(Object... more) {
		Object[] path = new Object[more.length + 1];
		path[0] = tenantId;
		System.arraycopy(more, 0, path, 1, more.length);
		return path;
	}

	@Override
	public String tenantId() {
		return tenantId;
	}

	@Override
	public Principal principal() {
		return principal;
	}

	@Override
	public RuntimeStatus status() {
		return http.get(Operation.STATUS, at(), null, type(RuntimeStatus.class));
	}

	@Override
	public List<Tenant> tenants() {
		return http.get(Operation.LIST_TENANTS, new Object[0], null, listOf(Tenant.class));
	}

	@Override
	public RemoteRuntime forTenant(String other) {
		if (tenants().stream().noneMatch(t -> t.tenantId().equals(other))) {
			throw new NotFoundException("no tenant " + other);
		}
		RemoteRuntime view = new RemoteRuntime(http, principal, other, false);
		view.streamState = streamState;
		return view;
	}

	@Override
	public Tenant createTenant(NewTenant tenant) {
		return http.send(Operation.CREATE_TENANT, new Object[0], null, tenant, type(Tenant.class));
	}

	@Override
	public SubmitResult submit(String partnerId, String documentType, String sourceName, byte[] payload) {
		return http.send(Operation.SUBMIT, at(), Http.query("partner", partnerId, "type", documentType, "source",
				sourceName), payload, type(SubmitResult.class));
	}

	@Override
	public List<PartnerConfig> partners() {
		return http.get(Operation.PARTNERS, at(), null, listOf(PartnerConfig.class));
	}

	@Override
	public PartnerConfig savePartner(PartnerConfig partner, String reason) {
		return http.send(Operation.SAVE_PARTNER, at(partner.partnerId()), null,
				new Bodies.SavePartner(partner, reason), type(PartnerConfig.class));
	}

	@Override
	public Map<String, String> workflows() {
		return http.get(Operation.WORKFLOWS, at(), null, textMap());
	}

	@Override
	public Page<MessageSummary> journal(JournalQuery query) {
		return http.get(Operation.JOURNAL, at(), Http.query("partner", query.partnerId(), "flow", query.flow(), "type",
				query.documentType(), "direction", query.direction(), "status", query.status(), "key",
				query.businessKey(), "from", query.from(), "to", query.to(), "after", query.afterId(), "limit",
				query.pageSize(), "order", query.descending() ? "newest" : "oldest"), pageOf(MessageSummary.class));
	}

	@Override
	public List<MessageSummary> trace(String businessKey) {
		return http.get(Operation.TRACE, at(), Http.query("key", businessKey), listOf(MessageSummary.class));
	}

	@Override
	public byte[] payload(long messageId) {
		return http.getBytes(Operation.PAYLOAD, at(messageId));
	}

	@Override
	public Page<ExceptionSummary> exceptions(ExceptionQuery query) {
		return http.get(Operation.EXCEPTIONS, at(), exceptionQuery(query), pageOf(ExceptionSummary.class));
	}

	private static Map<String, Object> exceptionQuery(ExceptionQuery query) {
		return Http.query("open", query.openOnly(), "kind", query.kind(), "assignee", query.assignee(), "partner",
				query.partnerId(), "state", query.state(), "before", query.createdBefore(), "after", query.afterId(),
				"limit", query.pageSize());
	}

	@Override
	public Map<String, Long> exceptionCounts(ExceptionQuery query) {
		return http.get(Operation.EXCEPTION_COUNTS, at(), exceptionQuery(query),
				TYPES.constructMapType(java.util.LinkedHashMap.class, String.class, Long.class));
	}

	@Override
	public ExceptionDetail exception(long exceptionId) {
		return http.get(Operation.EXCEPTION, at(exceptionId), null, type(ExceptionDetail.class));
	}

	@Override
	public void editPayload(long exceptionId, byte[] payload, String reason) {
		http.send(Operation.EDIT_PAYLOAD, at(exceptionId), null, new Bodies.EditPayload(payload, reason), null);
	}

	@Override
	public ValidationReport validate(long exceptionId) {
		return http.send(Operation.VALIDATE, at(exceptionId), null, null, type(ValidationReport.class));
	}

	@Override
	public ValidationReport validate(long exceptionId, byte[] candidate, Integer mappingVersion) {
		return http.send(Operation.VALIDATE, at(exceptionId), null, new Bodies.Validate(candidate, mappingVersion),
				type(ValidationReport.class));
	}

	@Override
	public SubmitResult resubmit(long exceptionId, Integer mappingVersion) {
		return http.send(Operation.RESUBMIT, at(exceptionId), null, new Bodies.Resubmit(mappingVersion),
				type(SubmitResult.class));
	}

	@Override
	public BulkResult retry(List<Long> exceptionIds, boolean dryRun) {
		return http.send(Operation.RETRY, at(), null, new Bodies.Retry(exceptionIds, dryRun), type(BulkResult.class));
	}

	@Override
	public BulkResult retryMatching(ExceptionQuery query, boolean dryRun) {
		return http.send(Operation.RETRY_MATCHING, at(), null,
				new Bodies.RetryMatching(Bodies.ExceptionFilter.of(query), dryRun), type(BulkResult.class));
	}

	@Override
	public BulkResult decideMatching(ExceptionQuery query, Decision decision, String reason, boolean dryRun) {
		return http.send(Operation.DECIDE_MATCHING, at(), null,
				new Bodies.DecideMatching(Bodies.ExceptionFilter.of(query), decision, reason, dryRun),
				type(BulkResult.class));
	}

	@Override
	public void decide(long exceptionId, Decision decision, String reason) {
		http.send(Operation.DECIDE, at(exceptionId), null, new Bodies.Decide(decision, reason), null);
	}

	@Override
	public void assign(long exceptionId, String assignee) {
		http.send(Operation.ASSIGN, at(exceptionId), null, new Bodies.Assign(assignee), null);
	}

	@Override
	public Optional<BusinessDocument> document(BusinessDocument.Type type, String key) {
		try {
			return Optional.of(http.get(Operation.DOCUMENT, at(type.name()), Http.query("key", key),
					type(BusinessDocument.class)));
		} catch (NotFoundException absent) {
			return Optional.empty();
		}
	}

	@Override
	public ShipmentResult confirmShipment(ShipmentConfirmation confirmation) {
		return http.send(Operation.SHIP, at(), null, confirmation, type(ShipmentResult.class));
	}

	@Override
	public AtpExplanation explainAtp(String itemNumber, String warehouse) {
		return http.get(Operation.ATP, at(), Http.query("item", itemNumber, "warehouse", warehouse),
				type(AtpExplanation.class));
	}

	@Override
	public Map<String, String> tenantRules() {
		return http.get(Operation.RULES, at(), null, textMap());
	}

	@Override
	public int setTenantRule(String key, String value, String reason) {
		Bodies.RuleChanged changed = http.send(Operation.SET_RULE, at(key), null, new Bodies.SetRule(value, reason),
				type(Bodies.RuleChanged.class));
		return changed.positionsMoved();
	}

	@Override
	public Page<AuditEntry> audit(AuditQuery query) {
		return http.get(Operation.AUDIT, at(), Http.query("actor", query.actor(), "action", query.action(), "subject",
				query.subject(), "from", query.from(), "to", query.to(), "before", query.beforeId(), "limit",
				query.pageSize()), pageOf(AuditEntry.class));
	}

	@Override
	public List<FlowMetrics> metrics(int minutes) {
		return http.get(Operation.METRICS, at(), Http.query("minutes", minutes), listOf(FlowMetrics.class));
	}

	@Override
	public List<FlowMetricsPoint> metricsSeries(int minutes, int bucketMinutes) {
		return http.get(Operation.METRICS_SERIES, at(), Http.query("minutes", minutes, "bucket", bucketMinutes),
				listOf(FlowMetricsPoint.class));
	}

	@Override
	public Page<SlaClock> slaClocks(SlaQuery query) {
		return http.get(Operation.SLA_CLOCKS, at(), Http.query("view",
				query.view() == null ? null : query.view().name().toLowerCase().replace('_', '-'), "partner",
				query.partnerId(), "document", query.documentType(), "after", query.afterId(), "limit",
				query.pageSize()), pageOf(SlaClock.class));
	}

	@Override
	public Subscription subscribe(Consumer<RuntimeEvent> listener) {
		return subscribe(Long.MAX_VALUE, listener);
	}

	@Override
	public Subscription subscribe(long afterEventId, Consumer<RuntimeEvent> listener) {
		return subscribe(afterEventId, listener, state -> {
		});
	}

	@Override
	public Subscription subscribe(long afterEventId, Consumer<RuntimeEvent> listener, Consumer<StreamState> onState) {
		return new EventStream(http, tenantId, afterEventId, listener, state -> {
			onState.accept(state);
			streamState.accept(state);
		});
	}

	@Override
	public MappingVersion publishMapping(String mappingName, byte[] synmap, String comment) {
		return http.send(Operation.PUBLISH_MAPPING, at(mappingName), null, new Bodies.PublishMapping(synmap, comment),
				type(MappingVersion.class));
	}

	@Override
	public List<MappingVersion> mappingVersions(String mappingName) {
		return http.get(Operation.MAPPING_VERSIONS, at(mappingName), null, listOf(MappingVersion.class));
	}

	@Override
	public List<io.syncline.runtime.api.MappingSummary> mappings() {
		return http.get(Operation.MAPPINGS, at(), null, listOf(io.syncline.runtime.api.MappingSummary.class));
	}

	@Override
	public byte[] mapping(String mappingName, int version) {
		return http.getBytes(Operation.MAPPING, at(mappingName, version));
	}

	/** Closes the connection pool if this is the runtime {@link #connect} returned; a tenant's view closes nothing. */
	@Override
	public List<AccessToken> tokens() {
		return http.get(Operation.TOKENS, at(), null, listOf(AccessToken.class));
	}

	@Override
	public IssuedToken createToken(NewToken token) {
		return http.send(Operation.CREATE_TOKEN, at(), null, new Bodies.CreateToken(token.user(), token.role(),
				token.validFor().toString(), token.reason()), type(IssuedToken.class));
	}

	@Override
	public List<io.syncline.runtime.api.EndpointConfig> endpoints() {
		return http.get(Operation.ENDPOINTS, at(), null, listOf(io.syncline.runtime.api.EndpointConfig.class));
	}

	@Override
	public io.syncline.runtime.api.EndpointConfig saveEndpoint(io.syncline.runtime.api.EndpointConfig endpoint,
			Map<String, String> secrets, String reason) {
		return http.send(Operation.SAVE_ENDPOINT, at(endpoint.endpointId()), null,
				new Bodies.SaveEndpoint(endpoint, secrets, reason), type(io.syncline.runtime.api.EndpointConfig.class));
	}

	@Override
	public void removeEndpoint(String endpointId, String reason) {
		http.send(Operation.REMOVE_ENDPOINT, at(endpointId), null, new Bodies.Reason(reason), null);
	}

	@Override
	public io.syncline.runtime.api.EndpointTest testEndpoint(String endpointId) {
		return http.send(Operation.TEST_ENDPOINT, at(endpointId), null, null,
				type(io.syncline.runtime.api.EndpointTest.class));
	}

	@Override
	public AccessToken revokeToken(long tokenId, String reason) {
		return http.send(Operation.REVOKE_TOKEN, at(tokenId), null, new Bodies.RevokeToken(reason),
				type(AccessToken.class));
	}

	@Override
	public void close() {
		if (root) {
			http.close();
		}
	}
}
