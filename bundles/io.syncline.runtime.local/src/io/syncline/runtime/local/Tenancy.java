package io.syncline.runtime.local;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.syncline.engine.PartnerDirectory;
import io.syncline.engine.RouteCatalog;
import io.syncline.engine.TenantTemplates;
import io.syncline.runtime.api.AccessDeniedException;
import io.syncline.runtime.api.NewTenant;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.api.Principal;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.Tenant;
import io.syncline.store.AuditLog;
import io.syncline.store.InboxClaims;
import io.syncline.store.Store;
import io.syncline.store.Tenants;

import static io.syncline.runtime.local.internal.Calls.call;

/**
 * The tenants of one store and the runtime of each, made on first use and kept: its event bus, caches and engine
 * serve every principal that acts in that tenant. Closing it closes them, and the store if it opened it.
 */
final class Tenancy implements AutoCloseable {

	private final Store store;
	private final boolean ownsStore;
	private final LocalSettings settings;
	private final Tenants tenants = new Tenants();
	private final Map<String, TenantParts> tenantParts = new ConcurrentHashMap<>();
	private final Instant startedAt = Instant.now();
	private final Workers workers = new Workers();
	private final DiskRoom disk;
	private final io.syncline.transport.Transports transports = new io.syncline.transport.Transports();
	private final java.util.Optional<io.syncline.transport.SecretBox> secrets;

	Tenancy(Store store, boolean ownsStore, LocalSettings settings) {
		this.store = store;
		this.ownsStore = ownsStore;
		this.settings = settings;
		this.secrets = io.syncline.transport.SecretBox.fromEnvironment(SecretsKey.environment());
		SecretsKey.check(store, secrets);
		this.disk = settings.dataDirectory() == null ? null
				: new DiskRoom(settings.dataDirectory(), DiskRoom.configuredMinimum());
		workers.addListener(new Workers.Listener() {
			@Override
			public void stuck(String worker, Workers.Unit unit, java.time.Duration withoutProgress) {
				tell(unit, RuntimeEvent.Type.WORKER_STUCK, "STUCK", "worker " + worker + " holds " + unit.what()
						+ " for " + withoutProgress.toSeconds() + " s without progress");
			}

			@Override
			public void abandoned(String worker, Workers.Unit unit, java.time.Duration withoutProgress) {
				String tenant = unit.tenantId() != null ? unit.tenantId() : settings.tenantId();
				String reason = "worker " + worker + " abandoned " + unit.what() + " after "
						+ withoutProgress.toSeconds() + " s without progress";
				for (String claim : unit.held()) {
					call("count the abandoned claim " + claim, () -> store.inTransaction(
							connection -> new InboxClaims(store.dialect()).abandoned(connection, tenant, claim, reason)));
				}
			}

			@Override
			public void recovered(String worker, Workers.Unit unit, java.time.Duration stuckFor) {
				tell(unit, RuntimeEvent.Type.WORKER_RECOVERED, "MOVING", "worker " + worker + " moved again on "
						+ unit.what() + " after " + stuckFor.toSeconds() + " s without progress");
			}
		});
	}

	/** A worker's state to the subscribers of the tenant whose work it holds (the runtime's own tenant if none). */
	private void tell(Workers.Unit unit, RuntimeEvent.Type type, String status, String detail) {
		String tenant = unit.tenantId() != null ? unit.tenantId() : settings.tenantId();
		parts(tenant).events.publish(new RuntimeEvent(type, Instant.now(), null, null, null, null, null, status,
				detail));
	}

	Instant startedAt() {
		return startedAt;
	}

	/** The version of the runtime bundle, as installed (outside OSGi: unknown). */
	String version() {
		Bundle bundle = FrameworkUtil.getBundle(Tenancy.class);
		return bundle == null ? "unknown" : bundle.getVersion().toString();
	}

	Store store() {
		return store;
	}

	/** The room on the data directory's disk (null without a data directory). */
	DiskRoom disk() {
		return disk;
	}

	/** Refuses new work while the data directory's disk is below its minimum, saying how full it is. */
	void refuseWhenDiskFull(String what) {
		if (disk != null) {
			DiskRoom.Reading reading = disk.check();
			if (reading.full()) {
				throw new io.syncline.runtime.api.RuntimeUnavailableException("cannot " + what + " now: "
						+ reading.describe(disk.minimum()));
			}
		}
	}

	/** The transports endpoints use, shared by every tenant. */
	io.syncline.transport.Transports transports() {
		return transports;
	}

	/** The key endpoints' secrets are sealed with, if the runtime was given one. */
	java.util.Optional<io.syncline.transport.SecretBox> secrets() {
		return secrets;
	}

	/** The background workers of the runtime, whichever tenant's work they hold. */
	Workers workers() {
		return workers;
	}

	LocalSettings settings() {
		return settings;
	}

	/**
	 * Registers the default tenant on the first start of a store; its interchange id is the one its partner
	 * envelopes send from.
	 */
	void ensureDefaultTenant() throws SQLException {
		String sender = new PartnerDirectory(store, settings.tenantId()).current().partners().stream()
				.map(RouteCatalog.Partner::x12Envelope).filter(e -> e != null && e.contains(">"))
				.map(e -> e.substring(0, e.indexOf('>'))).findFirst().orElse(null);
		store.inTransaction(connection -> {
			if (tenants.get(connection, settings.tenantId()).isEmpty()) {
				tenants.add(connection, settings.tenantId(),
						settings.tenantName() == null ? settings.tenantId() : settings.tenantName(), sender, null,
						"syncline");
			}
			return null;
		});
	}

	/** The parts of a tenant's runtime, made on first use. */
	TenantParts parts(String tenantId) {
		return tenantParts.computeIfAbsent(tenantId, id -> new TenantParts(this, id));
	}

	LocalRuntime runtimeFor(Principal principal, String tenantId) {
		if (!principal.sees(tenantId) || !exists(tenantId)) {
			throw new NotFoundException("no tenant " + tenantId);
		}
		return new LocalRuntime(this, parts(tenantId), principal, false);
	}

	private boolean exists(String tenantId) {
		if (tenantParts.containsKey(tenantId)) {
			return true;
		}
		return call("read tenant " + tenantId,
				() -> store.read(connection -> tenants.get(connection, tenantId).isPresent()));
	}

	List<Tenant> visibleTo(Principal principal) throws SQLException {
		return store.read(connection -> tenants.all(connection)).stream()
				.filter(t -> principal.sees(t.id())).map(Tenancy::dto).toList();
	}

	Tenant create(Principal principal, NewTenant request) throws SQLException {
		if (!principal.role().includes(Role.ADMIN) || !principal.seesEveryTenant()) {
			denied(principal, request.tenantId(), "create tenant " + request.tenantId());
			throw new AccessDeniedException("creating a tenant needs an ADMIN of every tenant; " + principal + " is not");
		}
		if (request.template() == null || !principal.sees(request.template())) {
			throw new NotFoundException("no tenant " + request.template() + " to copy");
		}
		return dto(new TenantTemplates(store).create(request.tenantId(), request.name(), request.template(),
				request.interchangeId(), principal.user(), request.reason()).tenant());
	}

	/** Audits a refusal: who tried what where. */
	void denied(Principal principal, String tenantId, String what) {
		call("audit a refusal", () -> store.inTransaction(connection -> {
			new AuditLog().append(connection, tenantId == null ? "*" : tenantId, principal.user(), "denied", what,
					null, null, principal.role() + " may not");
			return null;
		}));
	}

	private static Tenant dto(Tenants.Tenant tenant) {
		return new Tenant(tenant.id(), tenant.name(), tenant.interchangeId(), tenant.template(),
				tenant.createdAt().toInstant());
	}

	@Override
	public void close() {
		workers.close();
		transports.close();
		tenantParts.values().forEach(parts -> parts.events.close());
		if (ownsStore) {
			store.close();
		}
	}
}
