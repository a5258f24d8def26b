package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.RetentionStatus;
import io.syncline.runtime.api.Tenant;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.store.Retention;

/**
 * {@code retention [--purge]}: every tenant's retention policy and what its latest purge removed; with
 * {@code --purge}, purges every tenant now, as {@code serve} does every hour (for a store no runtime serves).
 */
@Component(service = RuntimeCommand.class)
public final class RetentionCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "retention";
	}

	@Override
	public String summary() {
		return "retention [--purge]: each tenant's retention policy (rules retention.*) and its last purge; "
				+ "--purge purges now";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of(), Set.of("purge"));
		if (!options.positional().isEmpty()) {
			throw new IllegalArgumentException("retention takes no arguments: retention [--purge]");
		}
		List<Map<String, Object>> tenants = new ArrayList<>();
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			for (Tenant tenant : runtime.tenants()) {
				LocalRuntime inTenant = runtime.forTenant(tenant.tenantId());
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("tenant", tenant.tenantId());
				if (options.has("purge")) {
					Retention.Run run = inTenant.operations().purge();
					row.put("purged", run.removed().describe());
					err.println(tenant.tenantId() + ": purged " + run.removed().describe());
				}
				RetentionStatus status = inTenant.status().retention();
				row.put("policy", status.policy());
				row.put("lastPurgeAt", status.lastPurgeAt());
				row.put("journalPurgedBefore", status.journalPurgedBefore());
				tenants.add(row);
			}
		}
		out.println(Json.write(tenants));
		return OK;
	}
}
