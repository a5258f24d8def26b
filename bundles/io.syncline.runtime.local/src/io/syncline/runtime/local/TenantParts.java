package io.syncline.runtime.local;

import java.math.BigDecimal;

import io.syncline.engine.ChunkSettings;
import io.syncline.engine.Ingestion;
import io.syncline.engine.InventorySync;
import io.syncline.engine.PublishedMappings;
import io.syncline.engine.Resolutions;
import io.syncline.runtime.local.internal.Announcements;
import io.syncline.runtime.local.internal.Documents;
import io.syncline.runtime.local.internal.EventBus;
import io.syncline.runtime.local.internal.ExceptionWork;
import io.syncline.runtime.local.internal.PartnerConfigs;
import io.syncline.runtime.local.internal.SlaBoard;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

import static io.syncline.runtime.local.internal.Calls.call;

/**
 * What one tenant's runtime is made of, made once per tenant and shared by every principal acting in it: its engine
 * over the store, its published mappings, caches and event bus. {@link LocalRuntime} is these parts as someone.
 */
final class TenantParts {

	final String tenantId;
	final Store store;
	final PublishedMappings mappings;
	final Ingestion ingestion;
	final MessageJournal journal;
	final JournalSearch search;
	final ExceptionQueue queue;
	final ExceptionWork work;
	final Resolutions resolutions;
	final InventorySync inventory;
	final Documents documents;
	final EventBus events = new EventBus();
	final Announcements announcements;
	final Recovery recovery;
	final PartnerConfigs partnerConfigs;
	final SlaBoard sla;
	final io.syncline.runtime.local.internal.MappingSummaries mappingSummaries =
			new io.syncline.runtime.local.internal.MappingSummaries();
	final io.syncline.runtime.local.internal.RetentionWork retention;

	TenantParts(Tenancy tenancy, String tenantId) {
		LocalSettings settings = tenancy.settings();
		this.tenantId = tenantId;
		this.store = tenancy.store();
		BigDecimal tolerance = settings.priceTolerancePercent();
		this.mappings = new PublishedMappings(store, tenantId);
		this.ingestion = new Ingestion(store, mappings, tenantId, tolerance, settings.outboxOf(tenantId));
		this.journal = new MessageJournal(store);
		this.search = new JournalSearch(store);
		this.queue = new ExceptionQueue(store);
		this.work = new ExceptionWork(tenantId, store, queue, journal, search, mappings, ingestion);
		this.resolutions = new Resolutions(store, tolerance);
		this.inventory = new InventorySync(store);
		this.documents = new Documents(store, tenantId);
		this.announcements = new Announcements(tenantId, events, queue, search, documents);
		this.recovery = new Recovery(tenantId, store, ingestion, search, this::announce, announcements);
		Workers workers = tenancy.workers();
		ingestion.chunks(ChunkSettings.standard((message, name, records, read, total) -> {
			workers.progressed(); // a large file that commits chunks is not stuck, however long it takes
			announcements.progress(message, name, records, read, total);
		}));
		this.partnerConfigs = new PartnerConfigs(ingestion.partners(), mappings);
		this.sla = new SlaBoard(store, tenantId, java.time.Clock.systemUTC(), events);
		this.retention = new io.syncline.runtime.local.internal.RetentionWork(tenantId, store, events,
				workers::progressed);
	}

	/** Tells subscribers what one processed message did. */
	void announce(Ingestion.Result result) {
		call("announce message " + result.messageId(), () -> {
			announcements.message(result);
			return null;
		});
	}
}
