package io.syncline.runtime.local;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.syncline.engine.Ingestion;
import io.syncline.engine.SlaRules;
import io.syncline.engine.OrderFulfilment;
import io.syncline.engine.Resolutions;
import io.syncline.engine.ShipmentConfirmations;
import io.syncline.mapping.MappingCompileException;
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
import io.syncline.runtime.api.InvalidContentException;
import io.syncline.runtime.api.IssuedToken;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MappingVersion;
import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.api.NewToken;
import io.syncline.runtime.api.Principal;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.api.RuntimeStatus;
import io.syncline.runtime.api.Tenant;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.Page;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.api.ShipmentConfirmation;
import io.syncline.runtime.api.ShipmentResult;
import io.syncline.runtime.api.SlaClock;
import io.syncline.runtime.api.SlaQuery;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.api.Subscription;
import io.syncline.runtime.api.ValidationReport;
import static io.syncline.runtime.local.internal.Calls.call;

import io.syncline.runtime.local.internal.JournalReads;
import io.syncline.runtime.local.internal.Dtos;
import io.syncline.runtime.local.internal.Metrics;
import io.syncline.runtime.local.internal.PartnerConfigs;
import io.syncline.store.AuditLog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.Store;
import io.syncline.store.TenantCounts;
import io.syncline.store.TenantRules;

/**
 * The runtime in this process: the store, the engine and the published mappings of one tenant behind the
 * {@link IntegrationRuntime} API, acting as one {@link Principal}. {@link #open} acts as the operating-system user,
 * ADMIN of every tenant of the store; {@link #as(Principal)} gives the same tenant acting as someone else (the server
 * does so for each authenticated caller), and every call checks that principal's role. Safe to call from several
 * threads; every call does its own I/O, so callers keep it off any UI thread.
 */
public final class LocalRuntime implements IntegrationRuntime {

	private final Tenancy tenancy;
	private final Principal principal;
	private final boolean root;
	private final String tenantId;
	private final TenantParts parts;

	/** The runtime of a tenant's parts acting as {@code acting}; a root one closes the tenancy when closed. */
	LocalRuntime(Tenancy tenancy, TenantParts parts, Principal acting, boolean root) {
		this.tenancy = tenancy;
		this.parts = parts;
		this.tenantId = parts.tenantId;
		this.principal = acting;
		this.root = root;
	}

	/**
	 * The runtime acting as {@code acting}: in this tenant if the principal sees it, else in the principal's own
	 * tenant. Closing it closes nothing.
	 */
	public LocalRuntime as(Principal acting) {
		if (!acting.sees(tenantId)) {
			return tenancy.runtimeFor(acting, acting.tenantId());
		}
		return new LocalRuntime(tenancy, parts, acting, false);
	}

	/** Opens the tenant's database (H2 under the data directory, or PostgreSQL) and publishes the given mappings. */
	public static LocalRuntime open(LocalSettings settings) {
		Store store;
		try {
			store = settings.jdbcUrl() == null ? Store.openH2(settings.dataDirectory())
					: Store.open(settings.jdbcUrl(), settings.user(), settings.password(), 8);
		} catch (SQLException e) {
			throw new RuntimeFailure("cannot open the database of " + settings.tenantId() + ": " + e.getMessage(), e);
		}
		return start(store, true, settings);
	}

	/** A runtime over a store the caller opened and will close (tests, embedding). */
	public static LocalRuntime over(Store store, LocalSettings settings) {
		return start(store, false, settings);
	}

	private static LocalRuntime start(Store store, boolean ownsStore, LocalSettings settings) {
		Tenancy tenancy = new Tenancy(store, ownsStore, settings);
		LocalRuntime runtime = new LocalRuntime(tenancy, tenancy.parts(settings.tenantId()), Principal.localUser(), true);
		try {
			tenancy.ensureDefaultTenant();
		} catch (SQLException e) {
			runtime.close();
			throw new RuntimeFailure("cannot register tenant " + settings.tenantId() + ": " + e.getMessage(), e);
		}
		if (settings.mappingsToImport() != null) {
			try {
				runtime.parts.mappings.importDirectory(settings.mappingsToImport(), "syncline");
			} catch (IOException | SQLException | MappingCompileException e) {
				runtime.close();
				throw new RuntimeFailure("cannot publish the mappings of " + settings.mappingsToImport() + ": "
						+ e.getMessage(), e);
			}
		}
		return runtime;
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
		TenantCounts.Counts counts = call("count the journal of " + tenantId,
				() -> parts.store.read(connection -> new TenantCounts().of(connection, tenantId)));
		return new RuntimeStatus(tenancy.version(), tenancy.startedAt(), tenantId, tenants().size(), counts.messages(),
				counts.openExceptions(), tenancy.workers().statuses(),
				call("read the retention of " + tenantId, parts.retention::status));
	}

	@Override
	public List<Tenant> tenants() {
		return call("list tenants", () -> tenancy.visibleTo(principal));
	}

	@Override
	public LocalRuntime forTenant(String otherTenant) {
		return tenancy.runtimeFor(principal, otherTenant);
	}

	@Override
	public Tenant createTenant(NewTenant tenant) {
		return call("create tenant " + tenant.tenantId(), () -> tenancy.create(principal, tenant));
	}

	/** The room on the data directory's disk, which new work needs (null for a runtime without a data directory). */
	public DiskRoom diskRoom() {
		return tenancy.disk();
	}

	/** The runtime's background workers: those that serve it register here, and are watched. */
	public Workers workers() {
		return tenancy.workers();
	}

	/** The bearer tokens of this runtime's store, managed as this runtime's principal (an ADMIN of every tenant). */
	public AccessTokens accessTokens() {
		return new AccessTokens(parts.store, principal);
	}

	/** Refuses, audited, a call the principal's role does not allow. */
	private void require(Role needed, String what) {
		if (!principal.role().includes(needed)) {
			tenancy.denied(principal, tenantId, what);
			principal.require(needed, what);
		}
	}

	@Override
	public SubmitResult submit(String partnerId, String documentType, String sourceName, byte[] payload) {
		require(Role.OPERATOR, "submit " + sourceName);
		tenancy.refuseWhenDiskFull("submit " + sourceName);
		Ingestion.Result result = call("submit " + sourceName,
				() -> parts.ingestion.submit(partnerId, documentType, sourceName, payload, null, null));
		parts.announce(result);
		audited("submit", "message/" + result.messageId(), "submitted " + sourceName + " from " + partnerId);
		return Dtos.submitted(result);
	}

	private void audited(String action, String subject, String reason) {
		call("audit " + action, () -> parts.store.inTransaction(connection -> {
			new AuditLog().append(connection, tenantId, principal.user(), action, subject, null, null, reason);
			return null;
		}));
	}

	/** What a host does with this tenant's runtime beyond the API: large files, inbox claims, retries, SLA checks. */
	public LocalOperations operations() {
		return new LocalOperations(parts, tenancy::refuseWhenDiskFull);
	}

	@Override
	public List<PartnerConfig> partners() {
		return call("read the partners of " + tenantId, parts.partnerConfigs::all);
	}

	@Override
	public PartnerConfig savePartner(PartnerConfig partner, String reason) {
		require(Role.ANALYST, "save partner " + partner.partnerId());
		return call("save partner " + partner.partnerId(),
				() -> parts.partnerConfigs.save(partner, principal.user(), reason));
	}

	@Override
	public Map<String, String> workflows() {
		return PartnerConfigs.workflows();
	}

	@Override
	public Page<MessageSummary> journal(JournalQuery query) {
		return call("search the journal", () -> JournalReads.page(parts.search, tenantId, query));
	}

	@Override
	public List<MessageSummary> trace(String businessKey) {
		List<MessageSummary> chain = new ArrayList<>();
		Page<MessageSummary> page = journal(JournalQuery.all().withBusinessKey(businessKey).pageSize(500));
		chain.addAll(page.items());
		while (page.hasNext()) {
			page = journal(JournalQuery.all().withBusinessKey(businessKey).pageSize(500).after(page.nextAfter()));
			chain.addAll(page.items());
		}
		return chain;
	}

	@Override
	public byte[] payload(long messageId) {
		return call("read message " + messageId, () -> parts.journal.payload(tenantId, messageId));
	}

	@Override
	public Page<ExceptionSummary> exceptions(ExceptionQuery query) {
		return desk().list(query);
	}

	@Override
	public Map<String, Long> exceptionCounts(ExceptionQuery query) {
		return desk().counts(query);
	}

	@Override
	public ExceptionDetail exception(long exceptionId) {
		return desk().detail(exceptionId);
	}

	@Override
	public void editPayload(long exceptionId, byte[] payload, String reason) {
		desk().editPayload(exceptionId, payload, reason);
	}

	@Override
	public ValidationReport validate(long exceptionId) {
		return desk().validate(exceptionId, null, null);
	}

	@Override
	public ValidationReport validate(long exceptionId, byte[] candidate, Integer mappingVersion) {
		return desk().validate(exceptionId, candidate, mappingVersion);
	}

	@Override
	public SubmitResult resubmit(long exceptionId, Integer mappingVersion) {
		return desk().resubmit(exceptionId, mappingVersion);
	}

	@Override
	public BulkResult retry(List<Long> exceptionIds, boolean dryRun) {
		return desk().retry(exceptionIds, dryRun);
	}

	@Override
	public BulkResult retryMatching(ExceptionQuery query, boolean dryRun) {
		return desk().retryMatching(query, dryRun);
	}

	@Override
	public void decide(long exceptionId, Decision decision, String reason) {
		desk().decide(exceptionId, decision, reason);
	}

	@Override
	public BulkResult decideMatching(ExceptionQuery query, Decision decision, String reason, boolean dryRun) {
		return desk().decideMatching(query, decision, reason, dryRun);
	}

	@Override
	public void assign(long exceptionId, String assignee) {
		desk().assign(exceptionId, assignee);
	}

	private ExceptionDesk desk() {
		return new ExceptionDesk(parts, principal, this::require);
	}

	@Override
	public Optional<BusinessDocument> document(BusinessDocument.Type type, String key) {
		return call("read " + type + " " + key, () -> parts.documents.find(type, key));
	}

	@Override
	public ShipmentResult confirmShipment(ShipmentConfirmation confirmation) {
		require(Role.OPERATOR, "confirm the shipment of " + confirmation.order());
		String actor = principal.user();
		ShipmentConfirmations.ShipmentMade shipment = call("confirm the shipment of " + confirmation.order(),
				() -> parts.ingestion.ship(new OrderFulfilment.Request(confirmation.order(), confirmation.carrier(),
						confirmation.trackingNumber(), confirmation.lines()), actor));
		OrderFulfilment.Shipped shipped = shipment.shipped();
		parts.announcements.orderStatus(shipped.orderNumber(), shipped.status());
		return new ShipmentResult(shipped.orderNumber(), shipped.shipmentNumber(), shipped.status(), shipped.lines(),
				shipment.documentsSent());
	}

	@Override
	public AtpExplanation explainAtp(String itemNumber, String warehouse) {
		return call("explain ATP of " + itemNumber + " at " + warehouse, () -> new AtpExplanation(itemNumber, warehouse,
				parts.inventory.atp(tenantId, itemNumber, warehouse),
				parts.inventory.explainAtp(tenantId, itemNumber, warehouse).stream().map(Dtos::atpChange).toList()));
	}

	@Override
	public Map<String, String> tenantRules() {
		return call("read the rules of " + tenantId, () -> parts.store.read(c -> new TenantRules().all(c, tenantId)));
	}

	@Override
	public int setTenantRule(String key, String value, String reason) {
		require(Role.ADMIN, "set rule " + key);
		String actor = principal.user();
		if (io.syncline.store.RetentionPolicy.isRetentionRule(key)) {
			call("set rule " + key, () -> {
				parts.retention.setRule(key, value, actor, reason);
				return null;
			});
			return 0;
		}
		if (SlaRules.isSlaRule(key)) {
			call("set rule " + key, () -> {
				parts.sla.setRule(key, value, actor, reason);
				return null;
			});
			return 0;
		}
		return call("set rule " + key, () -> parts.inventory.changeRule(tenantId, key, value, actor, reason));
	}

	@Override
	public Page<SlaClock> slaClocks(SlaQuery query) {
		return call("list SLA clocks", () -> parts.sla.list(query));
	}

	@Override
	public Page<AuditEntry> audit(AuditQuery query) {
		AuditLog.Filter filter = new AuditLog.Filter(query.actor(), query.action(), query.subject(),
				query.from() == null ? null : java.time.OffsetDateTime.ofInstant(query.from(), java.time.ZoneOffset.UTC),
				query.to() == null ? null : java.time.OffsetDateTime.ofInstant(query.to(), java.time.ZoneOffset.UTC));
		return call("read the audit log", () -> parts.store.read(connection -> {
			List<AuditLog.Entry> rows = new AuditLog().search(connection, tenantId, filter, query.beforeId(),
					query.pageSize());
			long next = rows.size() == query.pageSize() ? rows.get(rows.size() - 1).id() : 0;
			return new Page<>(rows.stream().map(Dtos::audit).toList(), next);
		}));
	}

	@Override
	public List<FlowMetrics> metrics(int minutes) {
		OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutes);
		// one bucket longer than the window: every row of it falls in the first
		return call("read metrics", () -> Metrics.perFlow(series(since, Duration.ofMinutes(minutes + 1L)), minutes));
	}

	@Override
	public List<FlowMetricsPoint> metricsSeries(int minutes, int bucketMinutes) {
		if (minutes < 1 || bucketMinutes < 1 || minutes / bucketMinutes > Metrics.MOST_BUCKETS) {
			throw new IllegalArgumentException("metrics over " + minutes + " minutes in buckets of " + bucketMinutes
					+ ": both at least 1, and at most " + Metrics.MOST_BUCKETS + " buckets");
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		OffsetDateTime since = now.minusMinutes(minutes - 1L);
		return call("read metrics", () -> series(since, Duration.ofMinutes(bucketMinutes)).points());
	}

	/** The tenant's inbound messages since then, counted per flow and bucket as they stream from the journal. */
	private Metrics.Series series(OffsetDateTime since, Duration bucket) throws SQLException {
		Metrics.Series series = new Metrics.Series(since.toInstant(), bucket);
		parts.search.timings(tenantId, since, series::add);
		return series;
	}

	@Override
	public Subscription subscribe(Consumer<RuntimeEvent> listener) {
		return parts.events.subscribe(listener);
	}

	@Override
	public Subscription subscribe(long afterEventId, Consumer<RuntimeEvent> listener) {
		return parts.events.subscribe(afterEventId, listener);
	}

	@Override
	public MappingVersion publishMapping(String mappingName, byte[] synmap, String comment) {
		require(Role.ANALYST, "publish mapping " + mappingName);
		return Dtos.mappingVersion(call("publish mapping " + mappingName, () -> {
			try {
				return parts.mappings.publish(mappingName, synmap, principal.user(), comment);
			} catch (IOException unreadable) {
				// the bytes given are all there is to read: what cannot be read is the caller's content
				throw new InvalidContentException("cannot publish mapping " + mappingName + ": "
						+ unreadable.getMessage(), unreadable);
			}
		}));
	}

	@Override
	public List<MappingVersion> mappingVersions(String mappingName) {
		return call("list versions of " + mappingName,
				() -> parts.mappings.versions(mappingName).stream().map(Dtos::mappingVersion).toList());
	}

	@Override
	public List<io.syncline.runtime.api.MappingSummary> mappings() {
		return call("list the mappings of " + tenantId, () -> {
			List<io.syncline.runtime.api.MappingSummary> summaries = new java.util.ArrayList<>();
			for (io.syncline.store.MappingVersions.Version latest : parts.mappings.latestOfEach()) {
				summaries.add(parts.mappingSummaries.of(latest));
			}
			return summaries;
		});
	}

	@Override
	public byte[] mapping(String mappingName, int version) {
		return call("read mapping " + mappingName + " v" + version, () -> parts.mappings.version(mappingName, version)
				.orElseThrow(() -> new io.syncline.store.NotFoundException("no version " + version + " of mapping "
						+ mappingName + " in tenant " + tenantId))
				.content());
	}

	@Override
	public List<AccessToken> tokens() {
		require(Role.ADMIN, "list the tokens of " + tenantId);
		return accessTokens().listIn(tenantId);
	}

	@Override
	public IssuedToken createToken(NewToken token) {
		require(Role.ADMIN, "create a token for " + token.user());
		return accessTokens().createIn(tenantId, token);
	}

	@Override
	public AccessToken revokeToken(long tokenId, String reason) {
		require(Role.ADMIN, "revoke token " + tokenId);
		return accessTokens().revokeIn(tenantId, tokenId, reason);
	}

	@Override
	public List<io.syncline.runtime.api.EndpointConfig> endpoints() {
		return endpointBook().all();
	}

	@Override
	public io.syncline.runtime.api.EndpointConfig saveEndpoint(io.syncline.runtime.api.EndpointConfig endpoint,
			Map<String, String> secrets, String reason) {
		require(Role.ANALYST, "save endpoint " + endpoint.endpointId());
		java.util.Set<String> partners = new java.util.HashSet<>();
		partners().forEach(partner -> partners.add(partner.partnerId()));
		return endpointBook().save(endpoint, secrets, partners, principal.user(), reason);
	}

	@Override
	public void removeEndpoint(String endpointId, String reason) {
		require(Role.ANALYST, "remove endpoint " + endpointId);
		endpointBook().remove(endpointId, principal.user(), reason);
	}

	@Override
	public io.syncline.runtime.api.EndpointTest testEndpoint(String endpointId) {
		require(Role.OPERATOR, "test endpoint " + endpointId);
		return new EndpointChecks(this).test(endpointId);
	}

	EndpointBook endpointBook() {
		return new EndpointBook(tenancy, tenantId);
	}

	io.syncline.transport.Transports transports() {
		return tenancy.transports();
	}

	io.syncline.store.Store store() {
		return parts.store;
	}

	/** Closes the store and every tenant's runtime if this is the runtime {@link #open} returned; else nothing. */
	@Override
	public void close() {
		if (root) {
			tenancy.close();
		}
	}
}
