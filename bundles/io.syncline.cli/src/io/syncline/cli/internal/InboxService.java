package io.syncline.cli.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeService;
import io.syncline.runtime.local.DemoTenant;
import io.syncline.runtime.local.Inbox;
import io.syncline.runtime.local.InboxWatch;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.PartnerLanes;
import io.syncline.runtime.local.Workers;
import io.syncline.runtime.local.TenantInboxes;

/**
 * While {@code serve} runs: the local runtime of the data directory, the demo tenant loaded on a first start,
 * messages a stop left unfinished resumed, files claimed before a stop recovered, then every partner's inbox of
 * every tenant polled (every second, or {@code SYNCLINE_POLL_MS}), and polled as soon as a file that arrived has
 * settled; a tenant created meanwhile is taken on.
 */
@Component(service = RuntimeService.class)
public final class InboxService implements RuntimeService {

	private static final Logger LOG = LoggerFactory.getLogger(InboxService.class);

	private LocalRuntime runtime;

	@Reference
	private ServedRuntime served;
	private ScheduledExecutorService poller;
	private PartnerLanes lanes;
	private InboxWatch watch;
	private TenantInboxes inboxes;
	/** When the next poll woken by an arrival runs, in epoch milliseconds. */
	private final AtomicLong wakeAt = new AtomicLong();

	/** A file changed within this time may still be being written, so it waits. */
	private static final Duration SETTLE = Duration.ofMillis(500);
	/** How long after a file settles a woken poll runs; arrivals closer together share one poll. */
	private static final long WAKE_MARGIN_MS = 100;

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
		inboxes = new TenantInboxes(runtime, context.dataDirectory(), SETTLE, lanes);
		var recovered = inboxes.refresh();
		if (!recovered.isEmpty()) {
			LOG.info("recovered {} file(s) claimed before the last stop", recovered.size());
		}
		long every = Long.parseLong(System.getenv().getOrDefault("SYNCLINE_POLL_MS", "1000"));
		poller = Background.thread("syncline-inbox");
		watch = new InboxWatch(this::wake);
		watch.watch(inboxes.partnerFolders());
		poller.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
		LOG.info("watching {} (other tenants: {})", context.dataDirectory().resolve("inbox"),
				context.dataDirectory().resolve("tenants").resolve("TENANT").resolve("inbox"));
	}

	/**
	 * A file arrived: a poll runs once it has settled, unless one already runs late enough to take it. Polls run on
	 * the one inbox thread, so a woken poll never overlaps the regular ones.
	 */
	private void wake() {
		long settledAt = System.currentTimeMillis() + SETTLE.toMillis();
		if (wakeAt.get() >= settledAt) {
			return;
		}
		long due = settledAt + WAKE_MARGIN_MS;
		wakeAt.set(due);
		poller.schedule(this::poll, due - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
	}

	private void poll() {
		try {
			if (runtime.diskRoom() != null && runtime.diskRoom().full()) {
				return; // files wait in the inbox until the disk has room (DiskRoom says so, once)
			}
			TenantInboxes.Polled polled = inboxes.poll();
			watch.watch(inboxes.partnerFolders()); // a partner or tenant added since
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
		if (watch != null) {
			try {
				watch.close();
			} catch (java.io.IOException e) {
				LOG.debug("closing the inbox watch: {}", e.getMessage());
			}
		}
		Background.stop(poller, served);
		if (lanes != null) {
			lanes.close();
		}
	}

}
