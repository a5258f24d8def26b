package io.syncline.ui.mapping.internal.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.PartnerConfig;

/**
 * Binds a published mapping to a partner's flow through the partners API: the partner's document type, one way,
 * now runs through the mapping in the given workflow (a flow of that document type and direction is replaced; a
 * partner the runtime does not have yet is added). Audited by the runtime with the reason.
 */
public record FlowBinding(String partnerId, String documentType, String direction, String workflow, String mapping,
		String filePattern) {

	/** Saves the binding; not on the UI thread (it asks the runtime). */
	public PartnerConfig bind(IntegrationRuntime runtime) {
		PartnerConfig current = runtime.partners().stream().filter(p -> p.partnerId().equals(partnerId)).findFirst()
				.orElse(new PartnerConfig(partnerId, partnerId, null, List.of()));
		List<PartnerConfig.Flow> flows = new ArrayList<>();
		for (PartnerConfig.Flow flow : current.flows()) {
			if (!(flow.documentType().equals(documentType) && flow.direction().equals(direction))) {
				flows.add(flow);
			}
		}
		flows.add(new PartnerConfig.Flow(workflow.toLowerCase(Locale.ROOT).replace('_', '-'), documentType, direction,
				workflow, mapping, filePattern == null || filePattern.isBlank() ? null : filePattern.trim()));
		return runtime.savePartner(new PartnerConfig(current.partnerId(), current.name(), current.x12Envelope(), flows),
				"bind " + partnerId + " " + documentType + " " + direction + " to mapping " + mapping);
	}
}
