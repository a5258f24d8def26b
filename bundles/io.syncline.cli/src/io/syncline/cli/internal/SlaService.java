package io.syncline.cli.internal;

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

/**
 * While {@code serve} runs: SLA clocks are checked every 5 seconds ({@code SYNCLINE_SLA_CHECK_MS}): started and
 * stopped from what was journaled, warned of at 80 %, breached once when they run out.
 */
@Component(service = RuntimeService.class)
public final class SlaService implements RuntimeService {

	private static final Logger LOG = LoggerFactory.getLogger(SlaService.class);

	@Reference
	private ServedRuntime served;
	private ScheduledExecutorService scheduler;
	private Workers.Worker worker;

	@Override
	public String name() {
		return "sla";
	}

	@Override
	public void start(CommandContext context) throws Exception {
		LocalRuntime runtime = served.acquire(context); // held until stop: the runtime every tenant's work runs on
		worker = runtime.workers().register("sla", Workers.configuredBound());
		long every = Long.parseLong(System.getenv().getOrDefault("SYNCLINE_SLA_CHECK_MS", "5000"));
		scheduler = Background.thread("syncline-sla");
		scheduler.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
	}

	private void check() {
		try {
			for (LocalRuntime tenant : served.everyTenant()) {
				io.syncline.engine.SlaWatch.Checked checked;
				try (Workers.Unit unit = worker.begin(tenant.tenantId(), "SLA clocks of " + tenant.tenantId())) {
					checked = tenant.operations().checkSlaClocks();
				}
				if (checked.breached() > 0) {
					LOG.warn("{}: SLA clocks: {} breached (see the SLA_BREACH exceptions)", tenant.tenantId(),
							checked.breached());
				}
				if (checked.warned() > 0) {
					LOG.info("{}: SLA clocks: {} due soon", tenant.tenantId(), checked.warned());
				}
			}
		} catch (RuntimeException e) {
			// the next tick checks again; a clock that ran out meanwhile is breached then
			LOG.error("checking SLA clocks failed: {}", e.getMessage());
		} catch (Error fatal) {
			Fatal.exit("sla", fatal);
		}
	}

	@Override
	public void stop() {
		Background.stop(scheduler, served);
	}
}
