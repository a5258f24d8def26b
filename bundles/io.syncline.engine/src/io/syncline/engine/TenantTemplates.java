package io.syncline.engine;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.syncline.formats.x12.PartnerProfile;
import io.syncline.store.AuditLog;
import io.syncline.store.MappingVersions;
import io.syncline.store.NotFoundException;
import io.syncline.store.PartnerSettings;
import io.syncline.store.Store;
import io.syncline.store.TenantRules;
import io.syncline.store.Tenants;

/**
 * Onboards a tenant from a template: the template's partners and flows (its shipped defaults, if it never changed
 * them), the latest version of each of its published mappings, its rules and its endpoints (without their secrets,
 * and disabled until the new tenant's own are typed in) are copied, in one transaction, with the new tenant's name,
 * and every partner envelope sending from the new tenant's interchange id. Master data, the journal and the exception
 * queue stay with the template.
 */
public final class TenantTemplates {

	private static final Pattern INTERCHANGE_ID = Pattern.compile("[A-Z0-9]{2}:[A-Z0-9 ]{1,15}");

	private final Store store;
	private final Tenants tenants = new Tenants();
	private final PartnerSettings partners = new PartnerSettings();
	private final TenantRules rules = new TenantRules();
	private final AuditLog audit = new AuditLog();

	/** What was copied. */
	public record Copied(Tenants.Tenant tenant, int partners, int routes, int mappings, int rules) {
	}

	public TenantTemplates(Store store) {
		this.store = store;
	}

	public Copied create(String tenantId, String name, String templateId, String interchangeId, String actor,
			String reason) throws SQLException {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("creating a tenant needs a reason");
		}
		String sender = interchangeId == null || interchangeId.isBlank()
				? "ZZ:" + (tenantId == null ? "" : tenantId.toUpperCase(Locale.ROOT).replace("-", ""))
				: interchangeId.strip().toUpperCase(Locale.ROOT);
		if (!INTERCHANGE_ID.matcher(sender).matches()) {
			throw new IllegalArgumentException("interchange id '" + sender
					+ "': a qualifier of 2 and an id of up to 15 letters or digits, such as ZZ:NORTHSTAR");
		}
		PartnerDirectory.Snapshot template = new PartnerDirectory(store, templateId).current();
		return store.inTransaction(connection -> {
			if (tenants.get(connection, templateId).isEmpty()) {
				throw new NotFoundException("no tenant " + templateId + " to copy");
			}
			Tenants.Tenant tenant = tenants.add(connection, tenantId, name, sender, templateId, actor);
			int routes = 0;
			for (RouteCatalog.Partner partner : template.partners()) {
				String envelope = partner.x12Envelope() == null ? null
						: sender + partner.x12Envelope().substring(partner.x12Envelope().indexOf('>'));
				if (envelope != null) {
					PartnerProfile.parse(partner.id(), envelope);
				}
				var copied = template.routes().stream().filter(r -> r.partnerId().equals(partner.id()))
						.map(r -> new PartnerSettings.Route(r.partnerId(), r.documentType(), r.direction(), r.flow(),
								r.workflow().name(), r.mapping(), r.filePattern()))
						.toList();
				partners.put(connection, tenantId, new PartnerSettings.Partner(partner.id(), partner.name(), envelope),
						copied, actor);
				routes += copied.size();
			}
			int mappings = MappingVersions.copyLatest(connection, templateId, tenantId, actor);
			int copiedRules = rules.copy(connection, templateId, tenantId, actor);
			int endpoints = new io.syncline.store.Endpoints().copyWithoutSecrets(connection, templateId, tenantId, actor);
			Copied result = new Copied(tenant, template.partners().size(), routes, mappings, copiedRules);
			audit.append(connection, tenantId, actor, "create-tenant", "tenant/" + tenantId, null,
					"{\"name\":\"" + tenant.name().replace("\"", "'") + "\",\"template\":\"" + templateId
							+ "\",\"interchangeId\":\"" + sender + "\",\"partners\":" + result.partners()
							+ ",\"routes\":" + routes + ",\"mappings\":" + mappings + ",\"rules\":" + copiedRules
							+ ",\"endpoints\":" + endpoints + "}",
					reason);
			return result;
		});
	}
}
