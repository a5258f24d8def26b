package io.syncline.cli.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.Fatal;
import io.syncline.runtime.cli.RuntimeService;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.Workers;
import io.syncline.store.Retention;

/**
 * While {@code serve} runs: every tenant's retention policy is applied every hour ({@code SYNCLINE_RETENTION_EVERY},
 * an ISO-8601 duration), the first time a minute after the start, in small batches that yield to the pipeline. A stop
 * ends a purge between two batches; the next start goes on where it stopped.
 */
@Component(service = RuntimeService.class)
public final class RetentionService implements RuntimeService {

	private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

	@Reference
	private ServedRuntime served;
	private ScheduledExecutorService scheduler;
	private Workers.Worker worker;
	private volatile boolean stopping;

	@Override
	public String name() {
		return "retention";
	}

	@Override
	public void start(CommandContext context) throws Exception {
		LocalRuntime runtime = served.acquire(context);
		worker = runtime.workers().register("retention", Workers.configuredBound());
		Duration every = Duration.parse(System.getenv().getOrDefault("SYNCLINE_RETENTION_EVERY", "PT1H"));
		long first = Math.min(every.toMillis(), 60_000);
		scheduler = Background.thread("syncline-retention");
		scheduler.scheduleWithFixedDelay(this::purge, first, every.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void purge() {
		try {
			for (LocalRuntime tenant : served.everyTenant()) {
				Retention.Run run;
				try (Workers.Unit unit = worker.begin(tenant.tenantId(), "retention of " + tenant.tenantId())) {
					run = tenant.operations().purge(() -> stopping);
				}
				if (run.removed().any()) {
					LOG.info("{}: retention purged {} in {} ms", tenant.tenantId(), run.removed().describe(),
							Duration.between(run.startedAt(), run.finishedAt()).toMillis());
				}
				if (stopping) {
					return;
				}
			}
		} catch (RuntimeException e) {
			LOG.error("purging by the retention policy failed: {}", e.getMessage());
		} catch (Error fatal) {
			Fatal.exit("retention", fatal);
		}
	}

	@Override
	public void stop() {
		stopping = true; // a purge stops between two batches, what it did committed; never interrupted in a statement
		Background.stop(scheduler, served);
	}
}
