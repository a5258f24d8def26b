package io.syncline.runtime.api;

import java.util.List;
import java.util.Map;

/**
 * One way in or out of a partner: {@code folder} (the runtime's inbox or outbox folder), {@code sftp}, {@code as2},
 * {@code webhook}, {@code http} or {@code jdbc}; its settings; the names of the secrets it holds (never their
 * values: they are typed once and never shown again); how often it polls (null: it does not); the document types
 * it carries out (empty: all); and how it fares.
 */
public record EndpointConfig(String endpointId, String partnerId, String direction, String kind,
		Map<String, String> settings, List<String> secrets, Integer scheduleSeconds, List<String> documentTypes,
		boolean enabled, EndpointHealth health) {

	public EndpointConfig {
		settings = settings == null ? Map.of() : Map.copyOf(settings);
		secrets = secrets == null ? List.of() : List.copyOf(secrets);
		documentTypes = documentTypes == null ? List.of() : List.copyOf(documentTypes);
	}

	/** A new endpoint to save: enabled, its health not known yet. */
	public static EndpointConfig of(String endpointId, String partnerId, String direction, String kind,
			Map<String, String> settings, Integer scheduleSeconds) {
		return new EndpointConfig(endpointId, partnerId, direction, kind, settings, List.of(), scheduleSeconds,
				List.of(), true, null);
	}
}
