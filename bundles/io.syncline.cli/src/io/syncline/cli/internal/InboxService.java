package io.syncline.cli.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeService;
import io.syncline.runtime.local.DemoTenant;
import io.syncline.runtime.local.Inbox;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.PartnerLanes;
import io.syncline.runtime.local.Workers;
import io.syncline.runtime.local.TenantInboxes;

/**
 * While {@code serve} runs: the local runtime of the data directory, the demo tenant loaded on a first start,
 * messages a stop left unfinished resumed, files claimed before a stop recovered, then every partner's inbox of
 * every tenant polled (every second, or {@code SYNCLINE_POLL_MS}); a tenant created meanwhile is taken on.
 */
@Component(service = RuntimeService.class)
public final class InboxService implements RuntimeService {

	private static final Logger LOG = LoggerFactory.getLogger(InboxService.class);

	private LocalRuntime runtime;

	@Reference
	private ServedRuntime served;
	private ScheduledExecutorService poller;
	private PartnerLanes lanes;

	/** A partner's work that goes this many bounds without progress is abandoned (see {@link PartnerLanes}). */
	private static final int ABANDON_AFTER_BOUNDS = 5;

	@Override
	public String name() {
		return "inbox";
	}

	@Override
	public void start(CommandContext context) throws Exception {
		Path mappings = Runtimes.mappings(null);
		runtime = served.acquire(context);
		var demo = DemoTenant.loadIfEmpty(runtime, mappings.getParent());
		if (!demo.isEmpty()) {
			LOG.info("first start: loaded the Harbor Supply demo tenant, {} documents", demo.size());
		}
		for (LocalRuntime tenant : served.everyTenant()) {
			var resumed = tenant.operations().resumeUnfinished();
			if (!resumed.isEmpty()) {
				LOG.info("{}: resumed {} message(s) left unfinished by the last stop", tenant.tenantId(), resumed.size());
			}
		}
		Workers.Worker worker = runtime.workers().register("inbox", Workers.configuredBound());
		lanes = PartnerLanes.watched(worker, worker.bound().multipliedBy(ABANDON_AFTER_BOUNDS));
		TenantInboxes inboxes = new TenantInboxes(runtime, context.dataDirectory(), Duration.ofMillis(500), lanes);
		var recovered = inboxes.refresh();
		if (!recovered.isEmpty()) {
			LOG.info("recovered {} file(s) claimed before the last stop", recovered.size());
		}
		long every = Long.parseLong(System.getenv().getOrDefault("SYNCLINE_POLL_MS", "1000"));
		poller = Background.thread("syncline-inbox");
		poller.scheduleWithFixedDelay(() -> poll(inboxes), 0, every, TimeUnit.MILLISECONDS);
		LOG.info("watching {} (other tenants: {})", context.dataDirectory().resolve("inbox"),
				context.dataDirectory().resolve("tenants").resolve("TENANT").resolve("inbox"));
	}

	private static void poll(TenantInboxes inboxes) {
		try {
			TenantInboxes.Polled polled = inboxes.poll();
			polled.failures().forEach((tenant, why) -> LOG.error("inbox poll of {} failed: {}", tenant, why));
			polled.picked().forEach(InboxService::picked);
		} catch (Exception e) {
			// a poll that fails (a full disk, the database away) is tried again at the next tick; nothing was lost
			LOG.error("inbox poll failed: {}", e.getMessage());
		} catch (Error fatal) {
			// a task of a scheduled executor that dies takes its error into a future nobody reads
			io.syncline.runtime.cli.Fatal.exit("inbox", fatal);
		}
	}

	private static void picked(String tenant, List<Inbox.Pickup> picked) {
		for (Inbox.Pickup pickup : picked) {
			if (pickup.result().clean()) {
				LOG.debug("{}: {} from {}: message {} {}", tenant, pickup.file(), pickup.partner(),
						pickup.result().messageId(), pickup.result().status());
			} else {
				LOG.warn("{}: {} from {}: message {} {}, kept in {}", tenant, pickup.file(), pickup.partner(),
						pickup.result().messageId(), pickup.result().status(), pickup.keptAt());
			}
		}
		LOG.info("{}: picked up {} file(s), {} applied cleanly", tenant, picked.size(),
				picked.stream().filter(p -> p.result().clean()).count());
	}

	@Override
	public void stop() {
		Background.stop(poller, served);
		if (lanes != null) {
			lanes.close();
		}
	}

}
