package io.syncline.runtime.local;

import java.io.IOException;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.syncline.engine.ChunkSettings;
import io.syncline.engine.Ingestion;
import io.syncline.engine.SlaRules;
import io.syncline.engine.SlaWatch;
import io.syncline.engine.OrderFulfilment;
import io.syncline.engine.InventorySync;
import io.syncline.engine.PublishedMappings;
import io.syncline.engine.Resolutions;
import io.syncline.engine.ShipmentConfirmations;
import io.syncline.mapping.MappingCompileException;
import io.syncline.runtime.api.AtpExplanation;
import io.syncline.runtime.api.BulkResult;
import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.api.Decision;
import io.syncline.runtime.api.ExceptionDetail;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.FlowMetrics;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.InvalidContentException;
import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.MappingVersion;
import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.api.NotFoundException;
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

import io.syncline.runtime.local.internal.Announcements;
import io.syncline.runtime.local.internal.Documents;
import io.syncline.runtime.local.internal.Dtos;
import io.syncline.runtime.local.internal.SlaBoard;
import io.syncline.runtime.local.internal.EventBus;
import io.syncline.runtime.local.internal.ExceptionWork;
import io.syncline.runtime.local.internal.Metrics;
import io.syncline.runtime.local.internal.PartnerConfigs;
import io.syncline.store.AuditLog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;
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
	private final Store store;
	private final PublishedMappings mappings;
	private final Ingestion ingestion;
	private final MessageJournal journal;
	private final JournalSearch search;
	private final ExceptionQueue queue;
	private final ExceptionWork work;
	private final Resolutions resolutions;
	private final InventorySync inventory;
	private final Documents documents;
	private final EventBus events;
	private final Announcements announcements;
	private final Recovery recovery;
	private final PartnerConfigs partnerConfigs;
	private final SlaBoard sla;

	/** The runtime of one tenant of the tenancy, acting as the system until {@link #as(Principal)}. */
	LocalRuntime(Tenancy tenancy, String tenantId) {
		LocalSettings settings = tenancy.settings();
		this.tenancy = tenancy;
		this.principal = new Principal("syncline", Role.ADMIN, tenantId);
		this.root = false;
		this.tenantId = tenantId;
		this.store = tenancy.store();
		this.events = new EventBus();
		BigDecimal tolerance = settings.priceTolerancePercent();
		this.mappings = new PublishedMappings(store, tenantId);
		this.ingestion = new Ingestion(store, mappings, tenantId, tolerance, settings.outboxOf(tenantId));
		this.journal = new MessageJournal(store);
		this.search = new JournalSearch(store);
		this.queue = new ExceptionQueue(store);
		this.work = new ExceptionWork(tenantId, queue, journal, search, mappings, ingestion);
		this.resolutions = new Resolutions(store, tolerance);
		this.inventory = new InventorySync(store);
		this.documents = new Documents(store, tenantId);
		this.announcements = new Announcements(tenantId, events, queue, search, documents);
		this.recovery = new Recovery(tenantId, store, ingestion, search, this::announce, announcements);
		ingestion.chunks(ChunkSettings.standard(announcements::progress));
		this.partnerConfigs = new PartnerConfigs(ingestion.partners(), mappings);
		this.sla = new SlaBoard(store, tenantId, java.time.Clock.systemUTC(), events);
	}

	/** The same tenant's runtime acting as {@code acting}; a root one closes the tenancy when closed. */
	private LocalRuntime(LocalRuntime core, Principal acting, boolean root) {
		this.tenancy = core.tenancy;
		this.principal = acting;
		this.root = root;
		this.tenantId = core.tenantId;
		this.store = core.store;
		this.events = core.events;
		this.mappings = core.mappings;
		this.ingestion = core.ingestion;
		this.journal = core.journal;
		this.search = core.search;
		this.queue = core.queue;
		this.work = core.work;
		this.resolutions = core.resolutions;
		this.inventory = core.inventory;
		this.documents = core.documents;
		this.announcements = core.announcements;
		this.recovery = core.recovery;
		this.partnerConfigs = core.partnerConfigs;
		this.sla = core.sla;
	}

	/**
	 * The runtime acting as {@code acting}: in this tenant if the principal sees it, else in the principal's own
	 * tenant. Closing it closes nothing.
	 */
	public LocalRuntime as(Principal acting) {
		if (!acting.sees(tenantId)) {
			return tenancy.runtimeFor(acting, acting.tenantId());
		}
		return new LocalRuntime(this, acting, false);
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
		LocalRuntime runtime = new LocalRuntime(tenancy.core(settings.tenantId()), Principal.localUser(), true);
		try {
			tenancy.ensureDefaultTenant();
		} catch (SQLException e) {
			runtime.close();
			throw new RuntimeFailure("cannot register tenant " + settings.tenantId() + ": " + e.getMessage(), e);
		}
		if (settings.mappingsToImport() != null) {
			try {
				runtime.mappings.importDirectory(settings.mappingsToImport(), "syncline");
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
				() -> store.inTransaction(connection -> new TenantCounts().of(connection, tenantId)));
		return new RuntimeStatus(tenancy.version(), tenancy.startedAt(), tenantId, tenants().size(), counts.messages(),
				counts.openExceptions());
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

	/** The bearer tokens of this runtime's store, managed as this runtime's principal (an ADMIN of every tenant). */
	public AccessTokens accessTokens() {
		return new AccessTokens(store, principal);
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
		Ingestion.Result result = call("submit " + sourceName,
				() -> ingestion.submit(partnerId, documentType, sourceName, payload, null, null));
		announce(result);
		audited("submit", "message/" + result.messageId(), "submitted " + sourceName + " from " + partnerId);
		return Dtos.submitted(result);
	}

	private void audited(String action, String subject, String reason) {
		call("audit " + action, () -> store.inTransaction(connection -> {
			new AuditLog().append(connection, tenantId, principal.user(), action, subject, null, null, reason);
			return null;
		}));
	}

	/**
	 * Submits a file of any size: one too large to hold is journaled and applied as a stream, in chunks with
	 * checkpoints, announcing its progress as {@link RuntimeEvent.Type#MESSAGE_PROGRESS} events.
	 */
	public SubmitResult submitFile(String partnerId, String documentType, Path file) {
		return submitFile(partnerId, documentType, file.getFileName().toString(), file, Map.of());
	}

	/** As {@link #submitFile(String, String, Path)}, under another name, with keys known before (an inbox claim). */
	SubmitResult submitFile(String partnerId, String documentType, String sourceName, Path file,
			Map<String, String> keys) {
		Ingestion.Result result = call("submit " + sourceName,
				() -> ingestion.ingest(partnerId, documentType, sourceName, file, keys));
		announce(result);
		return Dtos.submitted(result);
	}

	/** Files from this size on are streamed (see {@link Ingestion#streamFrom()}). */
	public long streamFrom() {
		return ingestion.streamFrom();
	}

	/** See {@link Recovery#submitClaimed(List)}. */
	List<SubmitResult> submitClaimed(List<Ingestion.Document> documents) {
		return recovery.submitClaimed(documents);
	}

	/** See {@link Recovery#finishClaim(String)}. */
	Optional<SubmitResult> finishClaim(String claimId) {
		return recovery.finishClaim(claimId);
	}

	/**
	 * Tries again every record whose retry is due at {@code now}, then lets through, in the order they came, the
	 * messages held back behind keys that no longer wait. Returns what each resumed message did.
	 */
	public List<SubmitResult> retryDue(Instant now) {
		return recovery.retryDue(now);
	}

	/**
	 * Finishes every message journaled but left unfinished by a stop (API submits as well as inbox files), and
	 * delivers outbound documents committed but not yet in the outbox.
	 */
	public List<SubmitResult> resumeUnfinished() {
		return recovery.resumeUnfinished();
	}

	/** Tells subscribers what one processed message did. */
	private void announce(Ingestion.Result result) {
		call("announce message " + result.messageId(), () -> {
			announcements.message(result);
			return null;
		});
	}

	@Override
	public List<PartnerConfig> partners() {
		return call("read the partners of " + tenantId, partnerConfigs::all);
	}

	@Override
	public PartnerConfig savePartner(PartnerConfig partner, String reason) {
		require(Role.ANALYST, "save partner " + partner.partnerId());
		return call("save partner " + partner.partnerId(),
				() -> partnerConfigs.save(partner, principal.user(), reason));
	}

	@Override
	public Map<String, String> workflows() {
		return PartnerConfigs.workflows();
	}

	@Override
	public Page<MessageSummary> journal(JournalQuery query) {
		JournalSearch.Filter filter = new JournalSearch.Filter(query.partnerId(), query.flow(), query.documentType(),
				query.direction(), query.status(), query.businessKey(), at(query.from()), at(query.to()));
		return call("search the journal", () -> {
			List<MessageJournal.Message> rows = search.search(tenantId, filter, query.afterId(), query.pageSize(),
					query.descending());
			List<MessageSummary> items = new ArrayList<>();
			for (MessageJournal.Message row : rows) {
				items.add(Dtos.message(row, search.keysOf(tenantId, row.id())));
			}
			long next = rows.size() == query.pageSize() ? rows.get(rows.size() - 1).id() : 0;
			return new Page<>(items, next);
		});
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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
		return call("read message " + messageId, () -> journal.payload(tenantId, messageId));
	}

	@Override
	public Page<ExceptionSummary> exceptions(ExceptionQuery query) {
		return call("list exceptions", () -> {
			List<ExceptionQueue.Item> rows = queue.list(tenantId, query.openOnly(), query.kind(), query.assignee(),
					query.afterId(), query.pageSize());
			long next = rows.size() == query.pageSize() ? rows.get(rows.size() - 1).id() : 0;
			return new Page<>(rows.stream().map(Dtos::exception).toList(), next);
		});
	}

	@Override
	public ExceptionDetail exception(long exceptionId) {
		return call("read exception " + exceptionId, () -> work.detail(exceptionId));
	}

	@Override
	public void editPayload(long exceptionId, byte[] payload, String reason) {
		require(Role.OPERATOR, "edit exception " + exceptionId);
		call("edit exception " + exceptionId, () -> {
			queue.editPayload(tenantId, exceptionId, payload, principal.user(), reason);
			return null;
		});
		changed(exceptionId, "payload edited by " + principal.user());
	}

	@Override
	public ValidationReport validate(long exceptionId) {
		require(Role.OPERATOR, "validate exception " + exceptionId);
		return call("validate exception " + exceptionId, () -> work.validate(exceptionId, null));
	}

	@Override
	public SubmitResult resubmit(long exceptionId, Integer mappingVersion) {
		require(Role.OPERATOR, "resubmit exception " + exceptionId);
		Ingestion.Result result = call("resubmit exception " + exceptionId,
				() -> work.resubmit(exceptionId, mappingVersion, principal.user()));
		announce(result);
		changed(exceptionId, "resubmitted as message " + result.messageId() + " by " + principal.user());
		return Dtos.submitted(result);
	}

	@Override
	public BulkResult retry(List<Long> exceptionIds, boolean dryRun) {
		require(Role.OPERATOR, "retry exceptions");
		BulkResult result = work.retry(exceptionIds, dryRun, principal.user());
		if (!dryRun) {
			result.items().forEach(item -> changed(item.exceptionId(), item.outcome() + ": " + item.detail()));
		}
		return result;
	}

	@Override
	public void decide(long exceptionId, Decision decision, String reason) {
		require(Role.OPERATOR, decision.name().toLowerCase() + " exception " + exceptionId);
		String actor = principal.user();
		call(decision.name().toLowerCase() + " exception " + exceptionId, () -> {
			if (decision == Decision.RESOLVE) {
				queue.close(tenantId, exceptionId, actor, ExceptionQueue.State.RESOLVED, reason);
			} else {
				resolutions.decide(tenantId, exceptionId, Resolutions.Decision.valueOf(decision.name()), actor, reason);
			}
			return null;
		});
		changed(exceptionId, decision.name().toLowerCase() + " by " + actor + ": " + reason);
	}

	@Override
	public void assign(long exceptionId, String assignee) {
		require(Role.OPERATOR, "assign exception " + exceptionId);
		call("assign exception " + exceptionId, () -> {
			queue.assign(tenantId, exceptionId, principal.user(), assignee);
			return null;
		});
		changed(exceptionId, "assigned to " + assignee + " by " + principal.user());
	}

	private void changed(long exceptionId, String detail) {
		call("announce exception " + exceptionId, () -> {
			announcements.exceptionChanged(exceptionId, detail);
			return null;
		});
	}

	@Override
	public Optional<BusinessDocument> document(BusinessDocument.Type type, String key) {
		return call("read " + type + " " + key, () -> documents.find(type, key));
	}

	@Override
	public ShipmentResult confirmShipment(ShipmentConfirmation confirmation) {
		require(Role.OPERATOR, "confirm the shipment of " + confirmation.order());
		String actor = principal.user();
		ShipmentConfirmations.ShipmentMade shipment = call("confirm the shipment of " + confirmation.order(),
				() -> ingestion.ship(new OrderFulfilment.Request(confirmation.order(), confirmation.carrier(),
						confirmation.trackingNumber(), confirmation.lines()), actor));
		OrderFulfilment.Shipped shipped = shipment.shipped();
		announcements.orderStatus(shipped.orderNumber(), shipped.status());
		return new ShipmentResult(shipped.orderNumber(), shipped.shipmentNumber(), shipped.status(), shipped.lines(),
				shipment.documentsSent());
	}

	@Override
	public AtpExplanation explainAtp(String itemNumber, String warehouse) {
		return call("explain ATP of " + itemNumber + " at " + warehouse, () -> new AtpExplanation(itemNumber, warehouse,
				inventory.atp(tenantId, itemNumber, warehouse),
				inventory.explainAtp(tenantId, itemNumber, warehouse).stream().map(Dtos::atpChange).toList()));
	}

	@Override
	public Map<String, String> tenantRules() {
		return call("read the rules of " + tenantId, () -> store.inTransaction(c -> new TenantRules().all(c, tenantId)));
	}

	@Override
	public int setTenantRule(String key, String value, String reason) {
		require(Role.ADMIN, "set rule " + key);
		String actor = principal.user();
		if (SlaRules.isSlaRule(key)) {
			call("set rule " + key, () -> {
				sla.setRule(key, value, actor, reason);
				return null;
			});
			return 0;
		}
		return call("set rule " + key, () -> inventory.changeRule(tenantId, key, value, actor, reason));
	}

	@Override
	public Page<SlaClock> slaClocks(SlaQuery query) {
		return call("list SLA clocks", () -> sla.list(query));
	}

	/**
	 * Starts and stops SLA clocks from what was journaled since the last check, then warns of and breaches what is
	 * due, an event for each; {@code serve} runs it on a schedule.
	 */
	public SlaWatch.Checked checkSlaClocks() {
		return call("check SLA clocks", sla::check);
	}

	@Override
	public List<FlowMetrics> metrics(int minutes) {
		OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutes);
		return call("read metrics", () -> Metrics.perFlow(search.timings(tenantId, since), minutes));
	}

	@Override
	public Subscription subscribe(Consumer<RuntimeEvent> listener) {
		return events.subscribe(listener);
	}

	@Override
	public Subscription subscribe(long afterEventId, Consumer<RuntimeEvent> listener) {
		return events.subscribe(afterEventId, listener);
	}

	@Override
	public MappingVersion publishMapping(String mappingName, byte[] synmap, String comment) {
		require(Role.ANALYST, "publish mapping " + mappingName);
		return Dtos.mappingVersion(call("publish mapping " + mappingName, () -> {
			try {
				return mappings.publish(mappingName, synmap, principal.user(), comment);
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
				() -> mappings.versions(mappingName).stream().map(Dtos::mappingVersion).toList());
	}

	/** Ends this tenant's event stream: the tenancy closes. */
	void closeEvents() {
		events.close();
	}

	/** Closes the store and every tenant's runtime if this is the runtime {@link #open} returned; else nothing. */
	@Override
	public void close() {
		if (root) {
			tenancy.close();
		}
	}
}
