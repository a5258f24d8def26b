package io.syncline.runtime.local.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.syncline.engine.PartnerDirectory;
import io.syncline.engine.PublishedMappings;
import io.syncline.engine.RouteCatalog;
import io.syncline.engine.Workflow;
import io.syncline.runtime.api.PartnerConfig;

/** The engine's partner directory seen through the API's records, and changes to it checked against the mappings. */
public final class PartnerConfigs {

	private final PartnerDirectory directory;
	private final PublishedMappings mappings;

	public PartnerConfigs(PartnerDirectory directory, PublishedMappings mappings) {
		this.directory = directory;
		this.mappings = mappings;
	}

	public List<PartnerConfig> all() throws SQLException {
		PartnerDirectory.Snapshot current = directory.current();
		return current.partners().stream().map(partner -> config(partner, current.routes())).toList();
	}

	public PartnerConfig save(PartnerConfig config, String actor, String reason) throws SQLException {
		List<RouteCatalog.Route> routes = new ArrayList<>();
		for (PartnerConfig.Flow flow : config.flows()) {
			Workflow workflow = workflow(config.partnerId(), flow);
			String direction = flow.direction() == null ? workflow.direction() : flow.direction().toUpperCase(Locale.ROOT);
			String flowName = flow.flow() != null ? flow.flow() : workflow.flow() != null ? workflow.flow() : "documents";
			if (flow.mapping() != null && mappings.versions(flow.mapping()).isEmpty()) {
				throw new IllegalArgumentException("partner " + config.partnerId() + ", " + direction + " "
						+ flow.documentType() + ": mapping '" + flow.mapping() + "' is not published");
			}
			routes.add(new RouteCatalog.Route(config.partnerId(), flow.documentType(), flowName, direction,
					flow.mapping(), workflow, flow.filePattern()));
		}
		directory.save(new RouteCatalog.Partner(config.partnerId(), config.name(), config.x12Envelope()), routes, actor,
				reason);
		return all().stream().filter(p -> p.partnerId().equals(config.partnerId())).findFirst().orElseThrow();
	}

	public static Map<String, String> workflows() {
		Map<String, String> workflows = new LinkedHashMap<>();
		for (Workflow workflow : Workflow.values()) {
			workflows.put(workflow.name(), workflow.direction() + ": " + workflow.description());
		}
		return workflows;
	}

	private static Workflow workflow(String partnerId, PartnerConfig.Flow flow) {
		try {
			return Workflow.valueOf(String.valueOf(flow.workflow()).toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("partner " + partnerId + ", " + flow.documentType() + ": no workflow '"
					+ flow.workflow() + "'; one of " + workflows().keySet());
		}
	}

	private static PartnerConfig config(RouteCatalog.Partner partner, List<RouteCatalog.Route> routes) {
		return new PartnerConfig(partner.id(), partner.name(), partner.x12Envelope(), routes.stream()
				.filter(route -> route.partnerId().equals(partner.id()))
				.map(route -> new PartnerConfig.Flow(route.flow(), route.documentType(), route.direction(),
						route.workflow().name(), route.mapping(), route.filePattern()))
				.toList());
	}
}
