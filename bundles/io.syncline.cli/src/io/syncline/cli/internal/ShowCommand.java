package io.syncline.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.LocalRuntime;

/** {@code show po|so|asn|invoice KEY}: a business document as the store holds it now, with its lines. */
@Component(service = RuntimeCommand.class)
public final class ShowCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "show";
	}

	@Override
	public String summary() {
		return "show po|so|asn|invoice KEY: a purchase order, sales order (or customer PO), ship notice or invoice";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of(), Set.of());
		if (options.positional().size() != 2) {
			throw new IllegalArgumentException("show po|so|asn|invoice KEY");
		}
		BusinessDocument.Type type;
		try {
			type = BusinessDocument.Type.valueOf(options.positional().get(0).toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("show po|so|asn|invoice KEY, not " + options.positional().get(0));
		}
		String key = options.positional().get(1);
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			Optional<BusinessDocument> document = runtime.document(type, key);
			if (document.isEmpty()) {
				err.println("no " + type.name().toLowerCase(Locale.ROOT) + " " + key);
				return FAILED;
			}
			out.println(Json.write(document.get()));
		}
		return OK;
	}
}
