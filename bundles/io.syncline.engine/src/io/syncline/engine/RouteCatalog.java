package io.syncline.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.x12.PartnerProfile;

/**
 * The partners of the Harbor Supply tenant and the flows the engine routes for them: which document comes in or
 * goes out, in which flow, through which mapping. The ids are those of the samples README.
 */
public final class RouteCatalog {

	/** One document type of a partner, in or out. {@code mapping} is null for canonical data sets (ERP POs). */
	public record Route(String partnerId, String documentType, String flow, String direction, String mapping) {
	}

	/** A partner and its display name. */
	public record Partner(String id, String name) {
	}

	public static final List<Partner> PARTNERS = List.of(new Partner("erp", "Harbor's ERP"),
			new Partner("boltco", "Bolt & Co"), new Partner("cascade", "Cascade Tools"),
			new Partner("acme", "Acme Fasteners (ISA ACMEFAST)"), new Partner("wms", "Harbor's WMS"),
			new Partner("shop", "Harbor's web shop"), new Partner("bigbox", "BigBox retail (ISA BIGBOXRETAIL)"));

	public static final List<Route> ROUTES = List.of(
			new Route("erp", "items", "item-master", "IN", "erp-items"),
			new Route("erp", "purchase-orders", "purchase-orders", "IN", null),
			new Route("boltco", "catalog", "supplier-catalog", "IN", "boltco-catalog"),
			new Route("cascade", "catalog", "supplier-catalog", "IN", "cascade-catalog"),
			new Route("acme", "832", "supplier-catalog", "IN", "acme-832-catalog"),
			new Route("acme", "846", "inventory", "IN", "acme-846-availability"),
			new Route("acme", "850", "purchase-orders", "OUT", "po-850-outbound"),
			new Route("acme", "855", "purchase-orders", "IN", "acme-855-po-ack"),
			new Route("acme", "856", "purchase-orders", "IN", "acme-856-asn"),
			new Route("acme", "810", "purchase-orders", "IN", "acme-810-invoice"),
			new Route("acme", "997", "acknowledgments", "OUT", null),
			new Route("wms", "snapshot", "inventory", "IN", "wms-snapshot"),
			new Route("wms", "events", "inventory", "IN", "wms-events"),
			new Route("wms", "shipments", "sales-orders", "IN", "wms-shipments"),
			new Route("shop", "orders", "sales-orders", "IN", "shop-orders"),
			new Route("bigbox", "850", "sales-orders", "IN", "bigbox-850-order"),
			new Route("bigbox", "855", "sales-orders", "OUT", "so-855-outbound"),
			new Route("bigbox", "856", "sales-orders", "OUT", "so-856-outbound"),
			new Route("bigbox", "810", "sales-orders", "OUT", "so-810-outbound"),
			new Route("bigbox", "997", "acknowledgments", "OUT", null));

	/** How Harbor Supply and each EDI partner are named in interchanges (ISA qualifier:id, sender>receiver). */
	private static final Map<String, String> X12_ENVELOPES = Map.of("bigbox", "ZZ:HARBORSUPPLY>ZZ:BIGBOXRETAIL",
			"acme", "ZZ:HARBORSUPPLY>ZZ:ACMEFAST");

	private RouteCatalog() {
	}

	/** The outbound route of a partner's document type, if the partner receives it. */
	public static Optional<Route> outbound(String partnerId, String documentType) {
		return ROUTES.stream().filter(r -> r.direction().equals("OUT") && r.partnerId().equals(partnerId)
				&& r.documentType().equals(documentType)).findFirst();
	}

	/** The envelope of interchanges Harbor Supply sends a partner. */
	public static PartnerProfile envelopeTo(String partnerId) {
		String envelope = X12_ENVELOPES.get(partnerId);
		if (envelope == null) {
			throw new IllegalArgumentException("partner '" + partnerId + "' has no X12 envelope configured");
		}
		return PartnerProfile.parse(partnerId, envelope);
	}

	/** The inbound route of a partner's document type, if there is one. */
	public static Optional<Route> inbound(String partnerId, String documentType) {
		return ROUTES.stream().filter(r -> r.direction().equals("IN") && r.partnerId().equals(partnerId)
				&& r.documentType().equals(documentType)).findFirst();
	}

	/** What a document is: by its name, and for X12 by its first transaction set. */
	public static String documentType(String partner, String sourceName, byte[] payload) throws IOException {
		String name = sourceName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".edi") || name.endsWith(".x12")) {
			try (RecordReader reader = Formats.open(new ByteArrayInputStream(payload), sourceName,
					SourceOptions.of(SourceFormat.X12), ProblemSink.collecting())) {
				Node first = reader.next();
				return first == null ? "x12" : first.name();
			} catch (FormatException e) {
				return "x12";
			}
		}
		if (partner.equals("erp")) {
			return name.endsWith(".xmi") ? "purchase-orders" : "items";
		}
		if (partner.equals("shop")) {
			return "orders";
		}
		if (partner.equals("wms")) {
			return name.endsWith(".xml") ? "snapshot" : name.contains("shipment") ? "shipments" : "events";
		}
		return "catalog";
	}

	public static String flowOf(String documentType) {
		return switch (documentType) {
		case "items" -> "item-master";
		case "catalog", "832" -> "supplier-catalog";
		case "purchase-orders", "855", "856", "810" -> "purchase-orders";
		case "orders", "850", "shipments" -> "sales-orders";
		case "snapshot", "events", "846" -> "inventory";
		default -> "documents";
		};
	}
}
