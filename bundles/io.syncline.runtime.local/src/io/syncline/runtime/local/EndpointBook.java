package io.syncline.runtime.local;

import static io.syncline.runtime.local.internal.Calls.call;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.syncline.runtime.api.EndpointConfig;
import io.syncline.runtime.api.EndpointHealth;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.wire.WireJson;
import io.syncline.store.AuditLog;
import io.syncline.store.EndpointCursors;
import io.syncline.store.Endpoints;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.SecretBox;
import io.syncline.transport.Transport;

/**
 * A tenant's endpoints: read with their health, saved and removed with an audit row (settings and the names of
 * secrets, never their values), and opened for a transport with their secrets unsealed. Settings are checked
 * against what the endpoint's transport takes, so a typo is refused by name rather than ignored.
 */
final class EndpointBook {

	/** Where an endpoint's deliveries stand: the last outbound message it carried. */
	static final String DELIVERED = "delivered";
	/** Endpoints that poll do so this often unless told. */
	static final int DEFAULT_SCHEDULE_SECONDS = 60;
	private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private final Tenancy tenancy;
	private final String tenantId;
	private final Store store;
	private final Endpoints rows = new Endpoints();

	EndpointBook(Tenancy tenancy, String tenantId) {
		this.tenancy = tenancy;
		this.tenantId = tenantId;
		this.store = tenancy.store();
	}

	List<EndpointConfig> all() {
		return call("read the endpoints of " + tenantId, () -> store.read(connection -> {
			Map<String, io.syncline.store.EndpointHealth.Row> health = new io.syncline.store.EndpointHealth(
					store.dialect()).all(connection, tenantId);
			return rows.all(connection, tenantId).stream().map(row -> config(row, health.get(row.endpointId()),
					warning(row))).toList();
		}));
	}

	Endpoints.Row row(String endpointId) {
		return find(endpointId).orElseThrow(() -> new NotFoundException("no endpoint " + endpointId));
	}

	java.util.Optional<Endpoints.Row> find(String endpointId) {
		return call("read endpoint " + endpointId, () -> store.read(connection -> rows.get(connection, tenantId,
				endpointId)));
	}

	List<Endpoints.Row> rows() {
		return call("read the endpoints of " + tenantId, () -> store.read(connection -> rows.all(connection, tenantId)));
	}

	EndpointConfig save(EndpointConfig config, Map<String, String> secrets, Set<String> partners, String actor,
			String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a change of an endpoint needs a reason");
		}
		String id = String.valueOf(config.endpointId());
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("endpoint id '" + id + "' must be lower-case letters, digits and dashes");
		}
		if (!partners.contains(config.partnerId())) {
			throw new IllegalArgumentException("endpoint " + id + ": no partner '" + config.partnerId() + "'");
		}
		Endpoint.Direction direction = Endpoint.Direction.of(config.direction());
		EndpointKind kind = EndpointKind.of(config.kind());
		if (!kind.carries(direction)) {
			throw new IllegalArgumentException("endpoint " + id + ": a " + kind.word() + " endpoint cannot carry "
					+ direction.name().toLowerCase(Locale.ROOT));
		}
		if (!tenancy.transports().available(kind)) {
			throw new IllegalArgumentException("endpoint " + id + ": " + kind.word() + " endpoints are not available "
					+ "in this runtime yet");
		}
		List<Transport.Field> fields = tenancy.transports().fields(kind, direction);
		checkFields(id, fields, config.settings(), secrets == null ? Map.of() : secrets);
		Integer schedule = config.scheduleSeconds();
		if (schedule != null && schedule < 1) {
			throw new IllegalArgumentException("endpoint " + id + ": scheduleSeconds must be 1 or more");
		}
		return call("save endpoint " + id, () -> store.inTransaction(connection -> {
			Endpoints.Row before = rows.get(connection, tenantId, id).orElse(null);
			if (before != null && !before.partnerId().equals(config.partnerId())) {
				throw new IllegalArgumentException("endpoint " + id + " is partner " + before.partnerId()
						+ "'s; remove it first to give the id to " + config.partnerId());
			}
			Map<String, String> kept = new LinkedHashMap<>(before == null ? Map.of() : secretsOf(before));
			if (secrets != null) {
				secrets.forEach((name, value) -> {
					if (value == null || value.isEmpty()) {
						kept.remove(name);
					} else {
						kept.put(name, value);
					}
				});
			}
			byte[] sealed = seal(id, kept);
			Endpoints.Row row = new Endpoints.Row(id, config.partnerId(), direction.name(), kind.word(),
					json(config.settings()), sealed, kept.isEmpty() ? null : String.join(",", new TreeSet<>(kept.keySet())),
					schedule, config.documentTypes().isEmpty() ? null : String.join(",", config.documentTypes()),
					config.enabled(), null, actor);
			rows.put(connection, tenantId, row);
			if (before == null && direction == Endpoint.Direction.OUT) {
				// a new way out carries what is made from now on, not the partner's history
				new EndpointCursors().put(connection, tenantId, id, DELIVERED,
						String.valueOf(new MessageJournal(store).newestId(connection, tenantId)));
			}
			new AuditLog().append(connection, tenantId, actor, before == null ? "endpoint.add" : "endpoint.edit",
					"endpoint:" + id, before == null ? null : audited(before), audited(row), reason);
			return config(rows.get(connection, tenantId, id).orElseThrow(), null, null);
		}));
	}

	void remove(String endpointId, String actor, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("removing an endpoint needs a reason");
		}
		call("remove endpoint " + endpointId, () -> store.inTransaction(connection -> {
			Endpoints.Row before = rows.get(connection, tenantId, endpointId)
					.orElseThrow(() -> new NotFoundException("no endpoint " + endpointId));
			rows.remove(connection, tenantId, endpointId);
			new io.syncline.store.EndpointHealth(store.dialect()).remove(connection, tenantId, endpointId);
			new AuditLog().append(connection, tenantId, actor, "endpoint.remove", "endpoint:" + endpointId,
					audited(before), null, reason);
			return null;
		}));
	}

	/** The endpoint as its transport sees it, secrets unsealed. */
	Endpoint open(Endpoints.Row row) {
		Map<String, String> settings = settings(row.settings());
		Integer seconds = row.scheduleSeconds();
		return new Endpoint(tenantId, row.endpointId(), row.partnerId(), Endpoint.Direction.of(row.direction()),
				EndpointKind.of(row.kind()), settings, secretsOf(row),
				Duration.ofSeconds(seconds == null ? DEFAULT_SCHEDULE_SECONDS : seconds), types(row.documentTypes()),
				row.enabled());
	}

	void recordSuccess(String endpointId, long moved, int backlog) {
		call("record endpoint " + endpointId + "'s health", () -> store.inIndependentTransaction(
				"an endpoint's health is kept whatever the work around it does", connection -> {
					new io.syncline.store.EndpointHealth(store.dialect()).succeeded(connection, tenantId, endpointId,
							moved, backlog);
					return null;
				}));
	}

	void recordFailure(String endpointId, String error) {
		call("record endpoint " + endpointId + "'s health", () -> store.inIndependentTransaction(
				"an endpoint's health is kept whatever the work around it does", connection -> {
					new io.syncline.store.EndpointHealth(store.dialect()).failed(connection, tenantId, endpointId, error);
					return null;
				}));
	}

	private Map<String, String> secretsOf(Endpoints.Row row) {
		if (row.sealedSecrets() == null) {
			return Map.of();
		}
		SecretBox box = tenancy.secrets().orElseThrow(() -> new SecretBox.SecretsKeyException("endpoint "
				+ row.endpointId() + " has secrets, but this runtime has no secrets key"));
		return box.open(row.sealedSecrets(), SecretsKey.context(tenantId, row.endpointId()));
	}

	private byte[] seal(String endpointId, Map<String, String> secrets) {
		if (secrets.isEmpty()) {
			return null;
		}
		SecretBox box = tenancy.secrets().orElseThrow(() -> new IllegalArgumentException("endpoint " + endpointId
				+ ": this runtime has no secrets key to seal its secrets with; start it with "
				+ SecretBox.KEY_FILE_VARIABLE + " naming an owner-only file that holds one (`syncline secrets-key` "
				+ "makes one)"));
		return box.seal(secrets, SecretsKey.context(tenantId, endpointId));
	}

	private static void checkFields(String id, List<Transport.Field> fields, Map<String, String> settings,
			Map<String, String> secrets) {
		Set<String> known = fields.stream().filter(f -> !f.secret()).map(Transport.Field::name)
				.collect(Collectors.toCollection(TreeSet::new));
		Set<String> secretNames = fields.stream().filter(Transport.Field::secret).map(Transport.Field::name)
				.collect(Collectors.toCollection(TreeSet::new));
		for (String name : settings.keySet()) {
			if (fields.stream().anyMatch(f -> f.secret() && f.matches(name))) {
				throw new IllegalArgumentException("endpoint " + id + ": '" + name + "' is a secret; give it as one, "
						+ "so it is sealed and never shown");
			}
			if (fields.stream().noneMatch(f -> !f.secret() && f.matches(name))) {
				throw new IllegalArgumentException("endpoint " + id + ": no setting '" + name + "'; it takes " + known);
			}
		}
		for (String name : secrets.keySet()) {
			if (fields.stream().noneMatch(f -> f.secret() && f.matches(name))) {
				throw new IllegalArgumentException("endpoint " + id + ": no secret '" + name + "'; it takes "
						+ secretNames);
			}
		}
		for (Transport.Field field : fields) {
			String value = settings.get(field.name());
			if (field.required() && !field.secret() && (value == null || value.isBlank())) {
				throw new IllegalArgumentException("endpoint " + id + ": setting '" + field.name() + "' is missing ("
						+ field.description() + ")");
			}
		}
	}

	private static EndpointConfig config(Endpoints.Row row, io.syncline.store.EndpointHealth.Row health,
			String warning) {
		return new EndpointConfig(row.endpointId(), row.partnerId(), row.direction(), row.kind(),
				settings(row.settings()), row.secretNames() == null ? List.of()
						: Arrays.asList(row.secretNames().split(",")),
				row.scheduleSeconds(), types(row.documentTypes()), row.enabled(), health(row, health, warning));
	}

	private static EndpointHealth health(Endpoints.Row row, io.syncline.store.EndpointHealth.Row health,
			String warning) {
		String state = !row.enabled() ? "DISABLED"
				: health == null || health.lastPollAt() == null ? "NEW" : health.failing() ? "FAILING" : "OK";
		if (health == null) {
			return new EndpointHealth(state, null, null, 0, null, null, 0, warning);
		}
		return new EndpointHealth(state, instant(health.lastPollAt()), instant(health.lastSuccessAt()),
				health.movedToday(), health.lastError(), instant(health.lastErrorAt()), health.backlog(), warning);
	}

	/** What will stop an endpoint soon; for AS2, a certificate near or past its end. */
	private String warning(Endpoints.Row row) {
		if (!row.kind().equals(EndpointKind.AS2.word())) {
			return null;
		}
		try {
			return io.syncline.transport.as2.As2Transport.certificateWarning(open(row));
		} catch (RuntimeException e) {
			return e.getMessage();
		}
	}

	private static java.time.Instant instant(java.time.OffsetDateTime at) {
		return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
	}

	private static List<String> types(String joined) {
		return joined == null ? List.of() : Arrays.stream(joined.split(",")).map(String::strip).toList();
	}

	/** The row as the audit keeps it: settings and the names of secrets, never their values. */
	private static String audited(Endpoints.Row row) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("partner", row.partnerId());
		shown.put("direction", row.direction());
		shown.put("kind", row.kind());
		shown.put("settings", settings(row.settings()));
		shown.put("secrets", row.secretNames() == null ? List.of() : List.of(row.secretNames().split(",")));
		shown.put("scheduleSeconds", row.scheduleSeconds());
		shown.put("documentTypes", types(row.documentTypes()));
		shown.put("enabled", row.enabled());
		return json(shown);
	}

	private static String json(Object value) {
		try {
			return WireJson.mapper().writeValueAsString(value);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, String> settings(String json) {
		try {
			return WireJson.mapper().readValue(json, new TypeReference<Map<String, String>>() {
			});
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("stored endpoint settings are not JSON: " + e.getOriginalMessage());
		}
	}
}
