package io.syncline.cli.internal;

import java.io.PrintStream;
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
 * {@code backup --to FILE}: the store, consistent as of one commit, into a zip that {@code restore} reads. While
 * {@code serve} runs it asks that process over its control socket, and the runtime keeps working; otherwise it opens
 * the store itself. A PostgreSQL store is backed up with pg_dump, and this says so.
 */
@Component(service = RuntimeCommand.class)
public final class BackupCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "backup";
	}

	@Override
	public String summary() {
		return "backup --to FILE: the store into a zip, also while serve runs (PostgreSQL: pg_dump)";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("to"), Set.of());
		if (!options.positional().isEmpty()) {
			throw new IllegalArgumentException("backup --to FILE");
		}
		Path target = Path.of(options.require("to")).toAbsolutePath();
		if (Runtimes.postgres(context)) {
			err.println("the store is PostgreSQL: back it up with pg_dump (docs/operations.md, Backups)");
			return FAILED;
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("backup", target.toString());
		long start = System.nanoTime();
		String answer = ControlSocket.ask(context.dataDirectory(), "backup " + target);
		if (answer != null) {
			if (!answer.startsWith("ok ")) {
				err.println("backup failed: " + answer.substring(answer.indexOf(' ') + 1));
				return FAILED;
			}
			result.put("bytes", Long.parseLong(answer.substring(3).strip()));
			result.put("by", "the serve that holds the store, while it works");
		} else {
			try (Store store = Store.openH2(context.dataDirectory())) {
				result.put("bytes", store.backupTo(target));
			}
			result.put("by", "this command (no serve runs on this data directory)");
		}
		result.put("millis", (System.nanoTime() - start) / 1_000_000);
		out.println(Json.write(result));
		return OK;
	}
}
