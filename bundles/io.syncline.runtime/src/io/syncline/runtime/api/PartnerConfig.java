package io.syncline.runtime.api;

import java.util.List;

/**
 * A trading partner or internal system, how interchanges to it are enveloped if it trades X12
 * ({@code ZZ:HARBORSUPPLY>ZZ:BIGBOXRETAIL}, else null), and the flows configured for it.
 */
public record PartnerConfig(String partnerId, String name, String x12Envelope, List<Flow> flows) {

	/**
	 * One document type in or out, the flow it belongs to, the workflow that applies it (such as EDI_ORDERS or
	 * OUTBOUND_DOCUMENT; see {@link IntegrationRuntime#workflows()}), the mapping that translates it, and for files
	 * coming in the names it takes: a glob such as {@code *shipment*.jsonl}, case-insensitive, the most specific
	 * match winning (null: an X12 file is told by its transaction set, others by the partner's only flow in).
	 */
	public record Flow(String flow, String documentType, String direction, String workflow, String mapping,
			String filePattern) {

		public Flow(String flow, String documentType, String direction, String workflow, String mapping) {
			this(flow, documentType, direction, workflow, mapping, null);
		}
	}

	public PartnerConfig {
		flows = List.copyOf(flows);
	}
}
