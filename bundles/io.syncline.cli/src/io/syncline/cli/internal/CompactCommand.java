package io.syncline.cli.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.store.Store;

/**
 * {@code compact}: gives the space that purges freed back to the disk, at a planned restart (H2's SHUTDOWN COMPACT
 * rewrites the file; serve must be stopped). While serve runs, H2 reuses freed space for new rows, so a store under
 * a retention policy stops growing without this; compact only shrinks the file.
 */
@Component(service = RuntimeCommand.class)
public final class CompactCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "compact";
	}

	@Override
	public String summary() {
		return "compact: shrink the H2 store's file to what it holds (serve stopped; PostgreSQL: autovacuum)";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of(), Set.of());
		if (!options.positional().isEmpty()) {
			throw new IllegalArgumentException("compact takes no arguments");
		}
		if (Runtimes.postgres(context)) {
			err.println("the store is PostgreSQL: autovacuum gives space back (docs/operations.md, Retention)");
			return FAILED;
		}
		if (ControlSocket.ask(context.dataDirectory(), "ping") != null) {
			err.println("serve runs on " + context.dataDirectory() + ": stop it first (compact rewrites the store)");
			return FAILED;
		}
		Path file = context.dataDirectory().resolve("store").resolve("syncline.mv.db");
		if (!Files.exists(file)) {
			throw new IllegalArgumentException("no store in " + context.dataDirectory());
		}
		long before = Files.size(file);
		long start = System.nanoTime();
		Store.openH2(context.dataDirectory()).compactAndClose();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("store", file.toString());
		result.put("bytesBefore", before);
		result.put("bytesAfter", Files.size(file));
		result.put("millis", (System.nanoTime() - start) / 1_000_000);
		out.println(Json.write(result));
		return OK;
	}
}
