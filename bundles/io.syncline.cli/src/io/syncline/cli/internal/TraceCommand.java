package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

/** {@code trace KEY}: every journaled message carrying a business key (PO, ASN, invoice, tracking), in order. */
@Component(service = RuntimeCommand.class)
public final class TraceCommand implements RuntimeCommand {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
		ArrayNode messages = JSON.createArrayNode();
		try (Store store = Runtimes.store(context)) {
			MessageJournal journal = new MessageJournal(store);
			long after = 0;
			List<MessageJournal.Message> page;
			while (!(page = journal.findByKey(Runtimes.TENANT, key, after, 200)).isEmpty()) {
				for (MessageJournal.Message message : page) {
					messages.addObject().put("id", message.id()).put("partner", message.partnerId())
							.put("documentType", message.documentType()).put("flow", message.flow())
							.put("status", message.status()).put("receivedAt", message.receivedAt().toString());
					after = message.id();
				}
			}
		}
		out.println(JSON.writeValueAsString(messages));
		return OK;
	}
}
