package io.syncline.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.syncline.formats.x12.PartnerProfile;
import io.syncline.store.AuditLog;
import io.syncline.store.PartnerSettings;
import io.syncline.store.Store;

/**
 * A tenant's partners and routes: the shipped defaults ({@link RouteCatalog}) until the tenant changes one, then
 * what is stored, of which the defaults were the first copy. Read through a cache of a few seconds, so a change
 * made by another process (a script beside a serving runtime) arrives without a restart; a change made here
 * applies at once.
 */
public final class PartnerDirectory {

	private static final long CACHE_NANOS = 5_000_000_000L;
	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
	private static final Pattern DOCUMENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

	private final Store store;
	private final String tenantId;
	private final PartnerSettings settings = new PartnerSettings();
	private final AuditLog audit = new AuditLog();
	private volatile Snapshot cached;
	private volatile long cachedAt;

	/** Partners and routes as one consistent reading. */
	public record Snapshot(List<RouteCatalog.Partner> partners, List<RouteCatalog.Route> routes) {
	}

	public PartnerDirectory(Store store, String tenantId) {
		this.store = store;
		this.tenantId = tenantId;
	}

	public Snapshot current() throws SQLException {
		Snapshot snapshot = cached;
		if (snapshot == null || System.nanoTime() - cachedAt > CACHE_NANOS) {
			snapshot = read();
			cached = snapshot;
			cachedAt = System.nanoTime();
		}
		return snapshot;
	}

	private Snapshot read() throws SQLException {
		return store.read(connection -> {
			if (settings.isEmpty(connection, tenantId)) {
				return new Snapshot(RouteCatalog.PARTNERS, RouteCatalog.ROUTES);
			}
			List<RouteCatalog.Partner> partners = settings.partners(connection, tenantId).stream()
					.map(p -> new RouteCatalog.Partner(p.id(), p.name(), p.x12Envelope())).toList();
			List<RouteCatalog.Route> routes = settings.routes(connection, tenantId).stream()
					.map(r -> new RouteCatalog.Route(r.partnerId(), r.documentType(), r.flow(), r.direction(),
							r.mapping(), Workflow.valueOf(r.workflow()), r.filePattern()))
					.toList();
			return new Snapshot(partners, routes);
		});
	}

	public Optional<RouteCatalog.Route> inbound(String partnerId, String documentType) throws SQLException {
		return route(partnerId, documentType, "IN");
	}

	public Optional<RouteCatalog.Route> outbound(String partnerId, String documentType) throws SQLException {
		return route(partnerId, documentType, "OUT");
	}

	private Optional<RouteCatalog.Route> route(String partnerId, String documentType, String direction)
			throws SQLException {
		return current().routes().stream().filter(r -> r.direction().equals(direction)
				&& r.partnerId().equals(partnerId) && r.documentType().equals(documentType)).findFirst();
	}

	/** The envelope of interchanges to a partner. */
	public PartnerProfile envelopeTo(String partnerId) throws SQLException {
		String envelope = current().partners().stream().filter(p -> p.id().equals(partnerId)).findFirst()
				.map(RouteCatalog.Partner::x12Envelope).orElse(null);
		if (envelope == null) {
			throw new IllegalArgumentException("partner '" + partnerId + "' has no X12 envelope configured");
		}
		return PartnerProfile.parse(partnerId, envelope);
	}

	/** What a file no inbound route of its partner takes is journaled as; its NO_ROUTE exception names the file. */
	public static final String UNKNOWN = "unknown";

	/**
	 * What a document is. X12 tells it by its first transaction set; any other file by the file patterns of the
	 * partner's routes in, or else by the partner's one route in without a pattern, if it has exactly one.
	 */
	public String documentType(String partnerId, String sourceName, byte[] payload) throws SQLException {
		if (RouteCatalog.isX12(sourceName)) {
			return RouteCatalog.x12DocumentType(payload);
		}
		List<RouteCatalog.Route> flat = current().routes().stream().filter(r -> r.direction().equals("IN")
				&& r.partnerId().equals(partnerId) && !Character.isDigit(r.documentType().charAt(0))).toList();
		RouteCatalog.Route byName = FilePatterns.match(flat, sourceName);
		if (byName != null) {
			return byName.documentType();
		}
		List<RouteCatalog.Route> unpatterned = flat.stream().filter(r -> r.filePattern() == null).toList();
		return unpatterned.size() == 1 ? unpatterned.get(0).documentType() : UNKNOWN;
	}

	/** The flow a partner's inbound document is journaled under. */
	public String flowOf(String partnerId, String documentType) throws SQLException {
		return inbound(partnerId, documentType).map(RouteCatalog.Route::flow)
				.orElse(RouteCatalog.flowOf(documentType));
	}

	/**
	 * Adds or changes a partner with all its routes, audited with the reason. The first change of a tenant copies the
	 * shipped defaults in, so they stay as they were.
	 */
	public void save(RouteCatalog.Partner partner, List<RouteCatalog.Route> routes, String actor, String reason)
			throws SQLException {
		validate(partner, routes);
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a change of partner configuration needs a reason");
		}
		Snapshot before = current();
		store.inTransaction(connection -> {
			if (settings.isEmpty(connection, tenantId)) {
				for (RouteCatalog.Partner known : before.partners()) {
					settings.put(connection, tenantId, row(known), before.routes().stream()
							.filter(r -> r.partnerId().equals(known.id())).map(PartnerDirectory::row).toList(), "syncline");
				}
			}
			settings.put(connection, tenantId, row(partner), routes.stream().map(PartnerDirectory::row).toList(), actor);
			audit.append(connection, tenantId, actor, "PARTNER", "partner " + partner.id(),
					describe(before.partners().stream().filter(p -> p.id().equals(partner.id())).findFirst()
							.orElse(null), before.routes()),
					describe(partner, routes), reason);
			return null;
		});
		cached = null;
	}

	private static void validate(RouteCatalog.Partner partner, List<RouteCatalog.Route> routes) {
		if (!ID.matcher(partner.id()).matches()) {
			throw new IllegalArgumentException("partner id '" + partner.id()
					+ "': lower-case letters, digits and dashes, up to 64");
		}
		if (partner.name() == null || partner.name().isBlank()) {
			throw new IllegalArgumentException("partner " + partner.id() + " needs a name");
		}
		if (partner.x12Envelope() != null) {
			PartnerProfile.parse(partner.id(), partner.x12Envelope()); // refuses a malformed envelope with its reason
		}
		List<String> seen = new ArrayList<>();
		for (RouteCatalog.Route route : routes) {
			String at = "partner " + partner.id() + ", route " + route.direction() + " " + route.documentType();
			if (!route.partnerId().equals(partner.id())) {
				throw new IllegalArgumentException(at + ": belongs to partner " + route.partnerId());
			}
			if (route.documentType() == null || !DOCUMENT_TYPE.matcher(route.documentType()).matches()) {
				throw new IllegalArgumentException(at + ": a document type is lower-case letters, digits and dashes");
			}
			if (!route.workflow().direction().equals(route.direction())) {
				throw new IllegalArgumentException(at + ": workflow " + route.workflow() + " is "
						+ route.workflow().direction());
			}
			if (route.workflow().needsMapping() && (route.mapping() == null || route.mapping().isBlank())) {
				throw new IllegalArgumentException(at + ": workflow " + route.workflow() + " needs a mapping");
			}
			if (route.workflow() == Workflow.OUTBOUND_DOCUMENT && partner.x12Envelope() == null) {
				throw new IllegalArgumentException(at + ": documents sent need the partner's X12 envelope");
			}
			if (route.filePattern() != null) {
				if (!route.direction().equals("IN")) {
					throw new IllegalArgumentException(at + ": a file pattern names files coming in, not going out");
				}
				FilePatterns.check(route.filePattern(), at);
			}
			if (seen.contains(route.direction() + route.documentType())) {
				throw new IllegalArgumentException(at + ": given twice");
			}
			seen.add(route.direction() + route.documentType());
		}
	}

	private static PartnerSettings.Partner row(RouteCatalog.Partner partner) {
		return new PartnerSettings.Partner(partner.id(), partner.name(), partner.x12Envelope());
	}

	private static PartnerSettings.Route row(RouteCatalog.Route route) {
		return new PartnerSettings.Route(route.partnerId(), route.documentType(), route.direction(), route.flow(),
				route.workflow().name(), route.mapping(), route.filePattern());
	}

	private static String describe(RouteCatalog.Partner partner, List<RouteCatalog.Route> routes) {
		if (partner == null) {
			return null;
		}
		StringBuilder text = new StringBuilder(partner.name());
		if (partner.x12Envelope() != null) {
			text.append(" [").append(partner.x12Envelope()).append(']');
		}
		routes.stream().filter(r -> r.partnerId().equals(partner.id()))
				.forEach(r -> text.append("; ").append(r.direction()).append(' ').append(r.documentType()).append(' ')
						.append(r.workflow()).append(r.mapping() == null ? "" : " " + r.mapping())
						.append(r.filePattern() == null ? "" : " files " + r.filePattern()));
		return text.toString();
	}
}
