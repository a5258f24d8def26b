package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/** {@code trace KEY}: every journaled message carrying a business key (PO, SO, ASN, invoice, tracking), in order. */
@Component(service = RuntimeCommand.class)
public final class TraceCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "trace";
	}

	@Override
	public String summary() {
		return "trace KEY: the documents of one business transaction (850 → 855 → 856 → 810)";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of(), Set.of());
		String key = options.onePositional("business key");
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			var chain = runtime.trace(key);
			out.println(Json.write(chain));
			java.time.Instant purgedBefore = chain.isEmpty() ? runtime.status().retention().journalPurgedBefore() : null;
			if (purgedBefore != null) {
				// the key may have been in what was purged: say so, rather than that it never was
				err.println("no documents with " + key + " since " + purgedBefore.toString().substring(0, 10)
						+ ": journal rows received before then were purged by the tenant's retention policy");
			}
		}
		return OK;
	}
}
