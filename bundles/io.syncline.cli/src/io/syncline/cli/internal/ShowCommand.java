package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.store.PurchaseOrders;
import io.syncline.store.Store;

/** {@code show po KEY}: a purchase order with its lines as acknowledged and shipped. */
@Component(service = RuntimeCommand.class)
public final class ShowCommand implements RuntimeCommand {

	/** Dates as ISO text; the JSR-310 module is not in the target for this one use. */
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
			.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
			.registerModule(new SimpleModule().addSerializer(java.time.LocalDate.class, ToStringSerializer.instance));

	@Override
	public String name() {
		return "show";
	}

	@Override
	public String summary() {
		return "show po KEY: a purchase order, its status and lines as acknowledged and shipped";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of(), Set.of());
		if (options.positional().size() != 2 || !options.positional().get(0).equals("po")) {
			throw new IllegalArgumentException("show po KEY (so, asn and invoice come with the order sync)");
		}
		String po = options.positional().get(1);
		try (Store store = Runtimes.store(context); var connection = store.connection()) {
			PurchaseOrders orders = new PurchaseOrders();
			var header = orders.headerForUpdate(connection, Runtimes.TENANT, po);
			if (header.isEmpty()) {
				err.println("no purchase order " + po);
				connection.rollback();
				return FAILED;
			}
			ObjectNode result = JSON.valueToTree(header.get());
			result.set("lines", JSON.valueToTree(orders.lines(connection, Runtimes.TENANT, po)));
			connection.rollback();
			out.println(JSON.writeValueAsString(result));
		}
		return OK;
	}
}
