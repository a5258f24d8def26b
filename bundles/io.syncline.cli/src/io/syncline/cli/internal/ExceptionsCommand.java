package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.Store;

/** {@code exceptions [--open]}: the exception queue as JSON, oldest first. */
@Component(service = RuntimeCommand.class)
public final class ExceptionsCommand implements RuntimeCommand {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	@Override
	public String name() {
		return "exceptions";
	}

	@Override
	public String summary() {
		return "exceptions [--open]: the exception queue";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of(), Set.of("open"));
		ArrayNode items = JSON.createArrayNode();
		try (Store store = Runtimes.store(context)) {
			ExceptionQueue queue = new ExceptionQueue(store);
			long after = 0;
			List<ExceptionQueue.Item> page;
			while (!(page = queue.list(Runtimes.TENANT, options.has("open"), after, 500)).isEmpty()) {
				for (ExceptionQueue.Item item : page) {
					ObjectNode node = items.addObject();
					node.put("id", item.id());
					node.put("kind", item.kind());
					node.put("state", item.state().name());
					node.put("businessKey", item.businessKey());
					node.put("location", item.location());
					node.put("detail", item.detail());
					node.put("messageId", item.messageId());
					after = item.id();
				}
			}
		}
		out.println(JSON.writeValueAsString(items));
		return OK;
	}
}
