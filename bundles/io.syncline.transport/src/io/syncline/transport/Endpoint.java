package io.syncline.transport;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One way in or out of a partner, with its secrets open: what a transport needs to poll or deliver. Settings are
 * strings as the user typed them; the typed getters say which endpoint and which setting is wrong.
 */
public record Endpoint(String tenantId, String id, String partnerId, Direction direction, EndpointKind kind,
		Map<String, String> settings, Map<String, String> secrets, Duration schedule, List<String> documentTypes,
		boolean enabled) {

	public enum Direction {
		IN, OUT;

		public static Direction of(String word) {
			try {
				return valueOf(String.valueOf(word).strip().toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("no direction '" + word + "'; in or out");
			}
		}
	}

	public Endpoint {
		settings = Map.copyOf(settings);
		secrets = Map.copyOf(secrets);
		documentTypes = documentTypes == null ? List.of() : List.copyOf(documentTypes);
	}

	/** A required setting, or an error naming the endpoint and the setting. */
	public String setting(String name) {
		String value = settings.get(name);
		if (value == null || value.isBlank()) {
			throw new TransportException("endpoint " + id + ": setting '" + name + "' is missing");
		}
		return value.strip();
	}

	public String setting(String name, String fallback) {
		String value = settings.get(name);
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	public int intSetting(String name, int fallback) {
		String value = settings.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		} catch (NumberFormatException e) {
			throw new TransportException("endpoint " + id + ": setting '" + name + "' is '" + value
					+ "', not a whole number");
		}
	}

	public Optional<String> secret(String name) {
		return Optional.ofNullable(secrets.get(name)).filter(value -> !value.isEmpty());
	}

	/** Where to say what failed: {@code acme-sftp (sftp in, partner acme)}. */
	public String describe() {
		return id + " (" + kind.word() + " " + direction.name().toLowerCase(Locale.ROOT) + ", partner " + partnerId + ")";
	}
}
