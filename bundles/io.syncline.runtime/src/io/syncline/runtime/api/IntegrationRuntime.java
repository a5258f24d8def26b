package io.syncline.runtime.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every view and script uses to run and operate integrations, in-process ({@code LocalRuntime}) or on a
 * remote runtime alike: plain data in and out, no UI types. Calls may block on I/O; a UI calls them from a Job,
 * never from the display thread. Every call acts for one tenant, as the runtime's {@link #principal()}: who acts
 * comes from the caller's identity, never from an argument, and every change is audited under that principal.
 * A call on another tenant's object fails with {@link NotFoundException}, as for an object that does not exist; a
 * call the principal's role does not allow, with {@link AccessDeniedException}.
 */
public interface IntegrationRuntime extends AutoCloseable {

	/** The tenant this runtime acts for. */
	String tenantId();

	/** Who this runtime acts as. */
	Principal principal();

	/** Version, uptime, tenants, and this tenant's journal size and open exceptions. */
	RuntimeStatus status();

	/** The tenants the principal may see, by id. */
	List<Tenant> tenants();

	/**
	 * The same runtime, as the same principal, in another tenant it may see; {@link NotFoundException} for one it
	 * may not see or that does not exist. Closing the runtime returned does not close this one.
	 */
	IntegrationRuntime forTenant(String tenantId);

	/**
	 * Creates a tenant from a template (ADMIN of every tenant): see {@link NewTenant}. Refused with the reason: an id
	 * taken or malformed, an unknown template, no reason given.
	 */
	Tenant createTenant(NewTenant tenant);

	/**
	 * Submits one document from a partner: journaled first, so it is never lost, then parsed, mapped and applied.
	 * The document type is detected from the content when null (X12: its first transaction set).
	 */
	SubmitResult submit(String partnerId, String documentType, String sourceName, byte[] payload);

	/** The partners and their flows: which document types come in or go out, through which mapping. */
	List<PartnerConfig> partners();

	/**
	 * Adds a partner or changes one, with all its flows, audited with the reason; it applies to documents from now
	 * on. A flow's flow name may be null (the workflow's own). Refused with the reason: an unknown workflow, one in
	 * the wrong direction, a mapping that is not published, a malformed envelope, documents to send without one.
	 */
	PartnerConfig savePartner(PartnerConfig partner, String reason);

	/** Every partner's endpoints, with their health; secrets are named, never shown. */
	List<EndpointConfig> endpoints();

	/**
	 * Adds an endpoint or changes one, audited with the reason (ANALYST). {@code secrets} are sealed in the store:
	 * a secret named with a value replaces it, one named with an empty value is removed, one not named is kept.
	 * Refused when a setting is missing or unknown, or secrets are given and the runtime has no secrets key.
	 */
	EndpointConfig saveEndpoint(EndpointConfig endpoint, java.util.Map<String, String> secrets, String reason);

	/** Removes an endpoint, audited with the reason (ANALYST); what it picked up stays claimed. */
	void removeEndpoint(String endpointId, String reason);

	/** Connects, authenticates and lists, writing nothing (OPERATOR); the outcome is the endpoint's health too. */
	EndpointTest testEndpoint(String endpointId);

	/** The workflows a flow can run, by name, with what each does. */
	Map<String, String> workflows();

	/**
	 * Journal rows matching the query, oldest first or newest first ({@link JournalQuery#newestFirst()}), keyset-paged:
	 * pass {@link Page#nextAfter()} on.
	 */
	Page<MessageSummary> journal(JournalQuery query);

	/** The documents of one business transaction (850 → 855 → 856 → 810 …), in order. */
	List<MessageSummary> trace(String businessKey);

	/** The original bytes of a message, exactly as received or sent. */
	byte[] payload(long messageId);

	Page<ExceptionSummary> exceptions(ExceptionQuery query);

	/** How many exceptions match the query (its paging aside), by kind, most first. */
	Map<String, Long> exceptionCounts(ExceptionQuery query);

	/** One exception with its message, its current payload (edited or original) and its audit history. */
	ExceptionDetail exception(long exceptionId);

	/** Replaces the payload to resubmit; the original stays in the journal. */
	void editPayload(long exceptionId, byte[] payload, String reason);

	/** Parses and maps the exception's current payload without applying it: what a resubmit would meet. */
	ValidationReport validate(long exceptionId);

	/**
	 * Parses and maps a candidate payload for the exception, as its resubmit would, without keeping or applying it:
	 * what an editor checks before the edit is saved. Through the given mapping version (null: the published one).
	 */
	ValidationReport validate(long exceptionId, byte[] candidate, Integer mappingVersion);

	/**
	 * Submits the exception's current payload again as a new message linked to the old one, through the given
	 * mapping version (null: the current published one). The exception is resolved when the new message applies
	 * cleanly; otherwise it stays open with one more attempt counted.
	 */
	SubmitResult resubmit(long exceptionId, Integer mappingVersion);

	/** Resubmits many; a dry run only validates each and says what would happen. */
	BulkResult retry(List<Long> exceptionIds, boolean dryRun);

	/**
	 * Resubmits every open exception the query matches (its paging aside), or with {@code dryRun} says what each
	 * would meet; the query is read page by page, so 100,000 cost what they must and no more memory.
	 */
	BulkResult retryMatching(ExceptionQuery query, boolean dryRun);

	/**
	 * Decides every open exception the query matches (its paging aside), each audited on its own with the reason;
	 * {@code dryRun} says which would be decided and which refused, and why, changing nothing. Outcomes:
	 * WOULD_DECIDE / WOULD_REFUSE (dry run), DECIDED / REFUSED.
	 */
	BulkResult decideMatching(ExceptionQuery query, Decision decision, String reason, boolean dryRun);

	/** Accept or reject (a price change), ignore or resolve (anything); a reason is required. */
	void decide(long exceptionId, Decision decision, String reason);

	void assign(long exceptionId, String assignee);

	/** A purchase order, sales order (by its number or the customer's PO), ship notice or invoice, if known. */
	Optional<BusinessDocument> document(BusinessDocument.Type type, String key);

	/**
	 * Confirms that (part of) a sales order shipped: its stock leaves on hand and allocation, the order becomes
	 * shipped or partially shipped, and a customer that ordered by EDI is sent its ship notice and invoice. Shipping
	 * more than is allocated and not yet shipped, or confirming again with nothing left, is refused.
	 */
	ShipmentResult confirmShipment(ShipmentConfirmation confirmation);

	/** ATP of an item at a warehouse now, and every change that made it, with its cause. */
	AtpExplanation explainAtp(String itemNumber, String warehouse);

	/**
	 * The tenant's rules, such as {@code atp.inTransit}, {@code atp.reserve.EDI} (a percentage) and SLA rules
	 * {@code sla.<partner>.<document>.<reply>} (an ISO-8601 duration such as PT24H, or {@code requested-date}).
	 */
	Map<String, String> tenantRules();

	/**
	 * Sets a rule (null removes it), audited with the reason; an ATP rule records a RULE cause on every position
	 * whose ATP it moves. Returns how many positions it moved (0 for an SLA rule, which applies to documents
	 * journaled from now on).
	 */
	int setTenantRule(String key, String value, String reason);

	/** Who did what, when and why in this tenant, newest first: every change, decision and refusal. */
	Page<AuditEntry> audit(AuditQuery query);

	/** Throughput and latency per flow over the last {@code minutes}. */
	List<FlowMetrics> metrics(int minutes);

	/**
	 * Throughput, failures and latency per flow over the last {@code minutes}, in buckets of {@code bucketMinutes}
	 * aligned to the minute, oldest first: what the monitor charts.
	 */
	List<FlowMetricsPoint> metricsSeries(int minutes, int bucketMinutes);

	/** SLA clocks on document pairs: open, due soon, breached, met; filterable by partner and document. */
	Page<SlaClock> slaClocks(SlaQuery query);

	/** Live events (messages, exceptions, status changes) until the subscription is closed. */
	Subscription subscribe(Consumer<RuntimeEvent> listener);

	/**
	 * Live events as {@link #subscribe(Consumer)}, first replaying those still retained with ids above
	 * {@code afterEventId}, in order, none twice: what a subscriber that lost its connection missed. A gap between
	 * {@code afterEventId} and the first id replayed means older events are no longer retained.
	 */
	Subscription subscribe(long afterEventId, Consumer<RuntimeEvent> listener);

	/**
	 * As {@link #subscribe(long, Consumer)}, telling {@code onState} when the stream is connected, lost (it comes back
	 * by itself, from the last event seen) and closed. An in-process runtime's stream is never lost.
	 */
	default Subscription subscribe(long afterEventId, Consumer<RuntimeEvent> listener, Consumer<StreamState> onState) {
		Subscription subscription = subscribe(afterEventId, listener);
		onState.accept(new StreamState(StreamState.Kind.CONNECTED, "live events in process"));
		return () -> {
			subscription.close();
			onState.accept(new StreamState(StreamState.Kind.CLOSED, "live events stopped"));
		};
	}

	/** Publishes a new version of a mapping (.synmap XMI); it applies to messages submitted from now on. */
	MappingVersion publishMapping(String mappingName, byte[] synmap, String comment);

	/** The versions of a mapping, newest first. */
	List<MappingVersion> mappingVersions(String mappingName);

	/** Every published mapping of the tenant, by name, as its latest version describes it. */
	List<MappingSummary> mappings();

	/**
	 * One version of a mapping as it was published: its {@code .synmap} XMI, byte for byte;
	 * {@link NotFoundException} for a mapping or version the tenant does not have.
	 */
	byte[] mapping(String mappingName, int version);

	/** The tokens of this tenant, without their secrets, oldest first (ADMIN). */
	List<AccessToken> tokens();

	/**
	 * Creates a token for this tenant (ADMIN), audited with its reason; the secret is in the answer only. A token
	 * for every tenant is made on the runtime's own command line, never over the API.
	 */
	IssuedToken createToken(NewToken token);

	/** Revokes one of this tenant's tokens from its next use on (ADMIN), audited with the reason. */
	AccessToken revokeToken(long tokenId, String reason);

	@Override
	void close();

}
