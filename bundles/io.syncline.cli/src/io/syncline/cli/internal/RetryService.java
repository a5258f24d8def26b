package io.syncline.cli.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeService;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.Workers;

/** While {@code serve} runs: every 2 seconds, records whose retry is due are tried again, and what waited behind them follows. */
@Component(service = RuntimeService.class)
public final class RetryService implements RuntimeService {

	private static final Logger LOG = LoggerFactory.getLogger(RetryService.class);

	@Reference
	private ServedRuntime served;
	private ScheduledExecutorService scheduler;
	private Workers.Worker worker;

	@Override
	public String name() {
		return "retries";
	}

	@Override
	public void start(CommandContext context) throws Exception {
		LocalRuntime runtime = served.acquire(context); // held until stop: the runtime every tenant's work runs on
		worker = runtime.workers().register("retries", Workers.configuredBound());
		scheduler = Background.thread("syncline-retries");
		scheduler.scheduleWithFixedDelay(this::retryDue, 2, 2, TimeUnit.SECONDS);
	}

	private void retryDue() {
		try {
			for (LocalRuntime tenant : served.everyTenant()) {
				List<SubmitResult> results;
				try (Workers.Unit unit = worker.begin(tenant.tenantId(), "due retries of " + tenant.tenantId())) {
					results = tenant.operations().retryDue(Instant.now());
				}
				if (!results.isEmpty()) {
					LOG.info("{}: retried {} message(s): {}", tenant.tenantId(), results.size(),
							results.stream().map(r -> r.messageId() + " " + r.status()).toList());
				}
			}
		} catch (RuntimeException e) {
			// the next tick tries again; the exceptions stay in the queue meanwhile
			LOG.error("retrying failed: {}", e.getMessage());
		} catch (Error fatal) {
			// a task of a scheduled executor that dies takes its error into a future nobody reads
			io.syncline.runtime.cli.Fatal.exit("retries", fatal);
		}
	}

	@Override
	public void stop() {
		Background.stop(scheduler, served);
	}

}
