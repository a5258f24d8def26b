package io.syncline.runtime.api;

import java.util.List;

/** A trading partner or internal system and the flows configured for it. */
public record PartnerConfig(String partnerId, String name, List<Flow> flows) {

	/** One document type in or out, the flow it belongs to, and the mapping that translates it. */
	public record Flow(String flow, String documentType, String direction, String mapping) {
	}

	public PartnerConfig {
		flows = List.copyOf(flows);
	}
}
