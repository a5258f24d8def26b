package io.syncline.cli.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.ShipmentConfirmation;
import io.syncline.runtime.api.ShipmentResult;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/**
 * {@code ship ORDER [--lines 1=40,2=1200] [--carrier C] [--tracking T]}: confirms a shipment of a sales
 * order (all that is allocated and not yet shipped when no lines are named); an EDI customer gets its 856 and 810.
 */
@Component(service = RuntimeCommand.class)
public final class ShipCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "ship";
	}

	@Override
	public String summary() {
		return "ship ORDER [--lines LINE=QTY,…] [--carrier C] [--tracking T]: confirm a shipment";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("lines", "carrier", "tracking"), Set.of());
		String order = options.onePositional("order number or customer PO");
		ShipmentConfirmation confirmation = new ShipmentConfirmation(order, options.get("carrier"),
				options.get("tracking"), lines(options.get("lines")));
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			ShipmentResult result = runtime.confirmShipment(confirmation);
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("order", result.orderNumber());
			shown.put("shipment", result.shipmentNumber());
			shown.put("status", result.status());
			Map<String, String> shipped = new LinkedHashMap<>();
			result.shipped().entrySet().stream().sorted(Map.Entry.comparingByKey())
					.forEach(e -> shipped.put(e.getKey().toString(), e.getValue().toPlainString()));
			shown.put("shipped", shipped);
			shown.put("documentsSent", result.documentsSent());
			out.println(Json.write(shown));
		}
		return OK;
	}

	/** {@code 1=40,2=1200} as line number → quantity. */
	static Map<Integer, BigDecimal> lines(String text) {
		Map<Integer, BigDecimal> lines = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return lines;
		}
		for (String part : text.split(",")) {
			String[] pair = part.trim().split("=");
			if (pair.length != 2) {
				throw new IllegalArgumentException("--lines takes LINE=QUANTITY pairs such as 1=40,2=1200, not '" + part
						+ "'");
			}
			try {
				lines.put(Integer.parseInt(pair[0].trim()), new BigDecimal(pair[1].trim()));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("--lines: '" + part + "' is not LINE=QUANTITY");
			}
		}
		return lines;
	}
}
