package io.syncline.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.syncline.runtime.api.JournalQuery;
import io.syncline.runtime.api.SubmitResult;

/**
 * The "Harbor Supply" demo tenant: on a first start (an empty journal) the shipped sample files go through the
 * engine in business order (master data and the PO first, then catalogs, stock, the PO's documents, orders), so
 * every view has something true to show.
 */
public final class DemoTenant {

	/** Partner and file (relative to the demo content), in the order a real day would bring them. */
	static final List<String[]> DOCUMENTS = List.of(new String[] { "erp", "samples/erp-items.csv" },
			new String[] { "erp", "samples/erp-items-acme.csv" }, new String[] { "erp", "canonical/po-45001.xmi" },
			new String[] { "acme", "partners/acme-997-po-45001.edi" },
			new String[] { "boltco", "samples/boltco-catalog.csv" },
			new String[] { "cascade", "samples/cascade-catalog.json" },
			new String[] { "acme", "samples/edi/acme-832-price-catalog.edi" },
			new String[] { "wms", "samples/wms-atl-snapshot.xml" }, new String[] { "wms", "samples/wms-events.jsonl" },
			new String[] { "wms", "partners/wms-atl-acme-receipts.jsonl" },
			new String[] { "acme", "samples/edi/acme-846-inventory-advice.edi" },
			new String[] { "acme", "samples/edi/acme-855-po-ack.edi" },
			new String[] { "acme", "samples/edi/acme-856-asn.edi" },
			new String[] { "acme", "samples/edi/acme-810-invoice.edi" },
			new String[] { "shop", "samples/shop-orders.json" },
			new String[] { "bigbox", "samples/edi/bigbox-850-customer-order.edi" });

	private DemoTenant() {
	}

	/** Told before each demo document; returning false stops the loading there (a cancelled start). */
	@FunctionalInterface
	public interface Progress {
		boolean next(String partnerId, String file, int done, int total);
	}

	/** How many documents the demo tenant has. */
	public static int size() {
		return DOCUMENTS.size();
	}

	/** Loads the demo documents if the runtime has never received a message; returns what they did. */
	public static List<SubmitResult> loadIfEmpty(LocalRuntime runtime, Path demoContent) throws IOException {
		return loadIfEmpty(runtime, demoContent, (partner, file, done, total) -> true);
	}

	/** As above, telling {@code progress} before each document; what was submitted before a stop stays. */
	public static List<SubmitResult> loadIfEmpty(LocalRuntime runtime, Path demoContent, Progress progress)
			throws IOException {
		if (!runtime.journal(JournalQuery.all().pageSize(1)).items().isEmpty()) {
			return List.of();
		}
		List<SubmitResult> results = new ArrayList<>();
		for (String[] document : DOCUMENTS) {
			Path file = demoContent.resolve(document[1]);
			if (!progress.next(document[0], file.getFileName().toString(), results.size(), DOCUMENTS.size())) {
				break;
			}
			results.add(runtime.submit(document[0], null, file.getFileName().toString(), Files.readAllBytes(file)));
		}
		return results;
	}
}
