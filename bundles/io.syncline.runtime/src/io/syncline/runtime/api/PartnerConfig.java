package io.syncline.runtime.api;

import java.util.List;

/**
 * A trading partner or internal system, how interchanges to it are enveloped if it trades X12
 * ({@code ZZ:HARBORSUPPLY>ZZ:BIGBOXRETAIL}, else null), and the flows configured for it.
 */
public record PartnerConfig(String partnerId, String name, String x12Envelope, List<Flow> flows) {

	/**
	 * One document type in or out, the flow it belongs to, the workflow that applies it (such as EDI_ORDERS or
	 * OUTBOUND_DOCUMENT; see {@link IntegrationRuntime#workflows()}) and the mapping that translates it.
	 */
	public record Flow(String flow, String documentType, String direction, String workflow, String mapping) {
	}

	public PartnerConfig {
		flows = List.copyOf(flows);
	}
}
