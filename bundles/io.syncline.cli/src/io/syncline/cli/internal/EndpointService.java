package io.syncline.cli.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeService;
import io.syncline.runtime.local.EndpointRunner;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.PartnerLanes;
import io.syncline.runtime.local.Workers;

/**
 * While {@code serve} runs: every tenant's endpoints, polled when their schedules say and delivering as soon as
 * there is something to deliver, checked every second. Endpoints run on a small pool, so a partner whose server
 * hangs until its timeout holds up only itself; what they take is processed in the partners' lanes.
 */
@Component(service = RuntimeService.class)
public final class EndpointService implements RuntimeService {

	private static final Logger LOG = LoggerFactory.getLogger(EndpointService.class);
	/** Endpoints that may run at once, across tenants. */
	private static final int CONCURRENT_ENDPOINTS = 4;
	private static final int ABANDON_AFTER_BOUNDS = 5;

	@Reference
	private ServedRuntime served;
	private LocalRuntime runtime;
	private ScheduledExecutorService ticks;
	private ExecutorService pool;
	private PartnerLanes lanes;
	private final Map<String, EndpointRunner> runners = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return "endpoints";
	}

	/** After the inbox, which resumes what a stop left unfinished before anything new is taken. */
	@Override
	public int startOrder() {
		return 10;
	}

	@Override
	public void start(CommandContext context) throws Exception {
		runtime = served.acquire(context);
		Workers.Worker worker = runtime.workers().register("endpoints", Workers.configuredBound());
		lanes = PartnerLanes.watched(worker, worker.bound().multipliedBy(ABANDON_AFTER_BOUNDS));
		AtomicInteger threads = new AtomicInteger();
		pool = Executors.newFixedThreadPool(CONCURRENT_ENDPOINTS, r -> {
			Thread thread = new Thread(r, "syncline-endpoint-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		ticks = Background.thread("syncline-endpoints");
		ticks.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
	}

	private void tick() {
		try {
			if (runtime.diskRoom() != null && runtime.diskRoom().full()) {
				return; // nothing new is taken while the disk is full; partners keep their files meanwhile
			}
			Instant now = Instant.now();
			List<LocalRuntime> tenants = served.everyTenant();
			for (LocalRuntime tenant : tenants) {
				EndpointRunner runner = runners.computeIfAbsent(tenant.tenantId(), id -> new EndpointRunner(tenant, lanes));
				runner.runDue(now, work -> pool.execute(() -> {
					try {
						work.get();
					} catch (RuntimeException e) {
						LOG.error("{}: an endpoint's run failed: {}", tenant.tenantId(), e.getMessage());
					}
				}));
			}
		} catch (Exception e) {
			LOG.error("endpoint tick failed: {}", e.getMessage());
		} catch (Error fatal) {
			io.syncline.runtime.cli.Fatal.exit("endpoints", fatal);
		}
	}

	@Override
	public void stop() {
		if (ticks != null) {
			ticks.shutdown();
		}
		if (pool != null) {
			pool.shutdown();
			try {
				pool.awaitTermination(30, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		Background.stop(ticks, served);
		if (lanes != null) {
			lanes.close();
		}
	}
}
