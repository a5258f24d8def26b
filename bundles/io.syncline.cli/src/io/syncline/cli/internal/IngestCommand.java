package io.syncline.cli.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.syncline.engine.Ingestion;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.store.Store;

/** {@code ingest --partner P FILE…}: journal, map and apply partner files; prints a JSON summary per file. */
@Component(service = RuntimeCommand.class)
public final class IngestCommand implements RuntimeCommand {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	@Override
	public String name() {
		return "ingest";
	}

	@Override
	public String summary() {
		return "ingest --partner P FILE... [--mappings DIR] [--tolerance PCT]: journal, map and apply partner files";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("partner", "mappings", "tolerance"), Set.of());
		if (options.positional().isEmpty()) {
			throw new IllegalArgumentException("ingest needs at least one file");
		}
		BigDecimal tolerance = new BigDecimal(options.has("tolerance") ? options.get("tolerance") : "2");
		ArrayNode results = JSON.createArrayNode();
		boolean problems = false;
		try (Store store = Runtimes.store(context)) {
			Ingestion ingestion = new Ingestion(store, Runtimes.mappings(options.get("mappings")), Runtimes.TENANT, tolerance,
					context.dataDirectory().resolve("outbox"));
			for (String file : options.positional()) {
				Ingestion.Result result = ingestion.ingest(options.require("partner"), Path.of(file));
				results.add(JSON.valueToTree(result));
				problems |= !result.problems().isEmpty();
			}
		}
		out.println(JSON.writeValueAsString(results));
		return problems ? FAILED : OK;
	}
}
