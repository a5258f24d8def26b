package io.syncline.runtime.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.syncline.runtime.api.Role;

/**
 * Every route of the runtime's HTTP API: its method, its path, the role it needs (null: none, the {@code /health}
 * routes only) and whether it changes anything. The server dispatches by this table, the client builds its requests from
 * it, and a test holds the committed OpenAPI description to it, so the three cannot drift apart.
 */
public enum Operation {
	HEALTH("GET", "/health", null, false),
	HEALTH_LIVE("GET", "/health/live", null, false),
	HEALTH_READY("GET", "/health/ready", null, false),
	OPENAPI("GET", "/openapi.json", Role.VIEWER, false),
	PRINCIPAL("GET", "/api/v1/principal", Role.VIEWER, false),
	LIST_TENANTS("GET", "/api/v1/tenants", Role.VIEWER, false),
	CREATE_TENANT("POST", "/api/v1/tenants", Role.ADMIN, true),
	STATUS("GET", "/api/v1/tenants/{tenant}/status", Role.VIEWER, false),
	SUBMIT("POST", "/api/v1/tenants/{tenant}/messages", Role.OPERATOR, true),
	JOURNAL("GET", "/api/v1/tenants/{tenant}/messages", Role.VIEWER, false),
	PAYLOAD("GET", "/api/v1/tenants/{tenant}/messages/{id}/payload", Role.VIEWER, false),
	TRACE("GET", "/api/v1/tenants/{tenant}/trace", Role.VIEWER, false),
	EXCEPTIONS("GET", "/api/v1/tenants/{tenant}/exceptions", Role.VIEWER, false),
	EXCEPTION_COUNTS("GET", "/api/v1/tenants/{tenant}/exceptions/counts", Role.VIEWER, false),
	EXCEPTION("GET", "/api/v1/tenants/{tenant}/exceptions/{id}", Role.VIEWER, false),
	EDIT_PAYLOAD("PUT", "/api/v1/tenants/{tenant}/exceptions/{id}/payload", Role.OPERATOR, true),
	VALIDATE("POST", "/api/v1/tenants/{tenant}/exceptions/{id}/validation", Role.OPERATOR, false),
	RESUBMIT("POST", "/api/v1/tenants/{tenant}/exceptions/{id}/resubmission", Role.OPERATOR, true),
	RETRY("POST", "/api/v1/tenants/{tenant}/exceptions/retries", Role.OPERATOR, true),
	RETRY_MATCHING("POST", "/api/v1/tenants/{tenant}/exceptions/retries/by-filter", Role.OPERATOR, true),
	DECIDE_MATCHING("POST", "/api/v1/tenants/{tenant}/exceptions/decisions", Role.OPERATOR, true),
	DECIDE("POST", "/api/v1/tenants/{tenant}/exceptions/{id}/decision", Role.OPERATOR, true),
	ASSIGN("PUT", "/api/v1/tenants/{tenant}/exceptions/{id}/assignee", Role.OPERATOR, true),
	DOCUMENT("GET", "/api/v1/tenants/{tenant}/documents/{type}", Role.VIEWER, false),
	SHIP("POST", "/api/v1/tenants/{tenant}/shipments", Role.OPERATOR, true),
	ATP("GET", "/api/v1/tenants/{tenant}/atp", Role.VIEWER, false),
	RULES("GET", "/api/v1/tenants/{tenant}/rules", Role.VIEWER, false),
	SET_RULE("PUT", "/api/v1/tenants/{tenant}/rules/{key}", Role.ADMIN, true),
	AUDIT("GET", "/api/v1/tenants/{tenant}/audit", Role.VIEWER, false),
	METRICS("GET", "/api/v1/tenants/{tenant}/metrics", Role.VIEWER, false),
	METRICS_SERIES("GET", "/api/v1/tenants/{tenant}/metrics/series", Role.VIEWER, false),
	SLA_CLOCKS("GET", "/api/v1/tenants/{tenant}/sla-clocks", Role.VIEWER, false),
	EVENTS("GET", "/api/v1/tenants/{tenant}/events", Role.VIEWER, false),
	PARTNERS("GET", "/api/v1/tenants/{tenant}/partners", Role.VIEWER, false),
	SAVE_PARTNER("PUT", "/api/v1/tenants/{tenant}/partners/{partner}", Role.ANALYST, true),
	ENDPOINTS("GET", "/api/v1/tenants/{tenant}/endpoints", Role.VIEWER, false),
	SAVE_ENDPOINT("PUT", "/api/v1/tenants/{tenant}/endpoints/{endpoint}", Role.ANALYST, true),
	REMOVE_ENDPOINT("POST", "/api/v1/tenants/{tenant}/endpoints/{endpoint}/removal", Role.ANALYST, true),
	TEST_ENDPOINT("POST", "/api/v1/tenants/{tenant}/endpoints/{endpoint}/test", Role.OPERATOR, false),
	WORKFLOWS("GET", "/api/v1/tenants/{tenant}/workflows", Role.VIEWER, false),
	MAPPINGS("GET", "/api/v1/tenants/{tenant}/mappings", Role.VIEWER, false),
	MAPPING_VERSIONS("GET", "/api/v1/tenants/{tenant}/mappings/{mapping}/versions", Role.VIEWER, false),
	MAPPING("GET", "/api/v1/tenants/{tenant}/mappings/{mapping}/versions/{version}", Role.VIEWER, false),
	PUBLISH_MAPPING("POST", "/api/v1/tenants/{tenant}/mappings/{mapping}/versions", Role.ANALYST, true),
	TOKENS("GET", "/api/v1/tenants/{tenant}/tokens", Role.ADMIN, false),
	CREATE_TOKEN("POST", "/api/v1/tenants/{tenant}/tokens", Role.ADMIN, true),
	REVOKE_TOKEN("POST", "/api/v1/tenants/{tenant}/tokens/{id}/revocation", Role.ADMIN, true);

	/** Path templates: enum constants cannot read the enum's own statics while they are made. */
	private static final class Templates {
		/** What each path parameter may be: a path that does not fit is not this route. */
		static final Map<String, String> PARAMETERS = Map.of("tenant", "[a-z0-9][a-z0-9-]{0,63}", "id",
				"[0-9]{1,18}", "type", "(?i:PO|SO|ASN|INVOICE)", "key", "[A-Za-z0-9._-]{1,64}", "partner",
				"[a-z0-9][a-z0-9-]{0,63}", "endpoint", "[a-z0-9][a-z0-9-]{0,63}", "mapping", "[A-Za-z0-9._-]{1,128}",
				"version", "[0-9]{1,9}");
		static final Pattern PARAMETER = Pattern.compile("\\{([a-z]+)\\}");
	}

	private final String method;
	private final String path;
	private final Role role;
	private final boolean mutating;
	private final Pattern pattern;
	private final List<String> names = new ArrayList<>();

	Operation(String method, String path, Role role, boolean mutating) {
		this.method = method;
		this.path = path;
		this.role = role;
		this.mutating = mutating;
		StringBuilder regex = new StringBuilder();
		Matcher parameter = Templates.PARAMETER.matcher(path);
		int at = 0;
		while (parameter.find()) {
			regex.append(Pattern.quote(path.substring(at, parameter.start())));
			names.add(parameter.group(1));
			regex.append('(').append(Templates.PARAMETERS.get(parameter.group(1))).append(')');
			at = parameter.end();
		}
		regex.append(Pattern.quote(path.substring(at)));
		this.pattern = Pattern.compile(regex.toString());
	}

	public String method() {
		return method;
	}

	/** The path template, as the OpenAPI description names it. */
	public String path() {
		return path;
	}

	/** The role the call needs, or null for none. */
	public Role role() {
		return role;
	}

	public boolean mutating() {
		return mutating;
	}

	public List<String> parameterNames() {
		return List.copyOf(names);
	}

	/** The path parameters if a request path is this route's, else null. */
	public Map<String, String> match(String requestPath) {
		Matcher matcher = pattern.matcher(requestPath);
		if (!matcher.matches()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			values.put(names.get(i), matcher.group(i + 1));
		}
		return values;
	}

	/** The path with these parameter values, in template order, each percent-encoded. */
	public String pathOf(Object... values) {
		if (values.length != names.size()) {
			throw new IllegalArgumentException(this + " takes " + names + ", not " + values.length + " values");
		}
		StringBuilder built = new StringBuilder();
		Matcher parameter = Templates.PARAMETER.matcher(path);
		int at = 0;
		int index = 0;
		while (parameter.find()) {
			built.append(path, at, parameter.start())
					.append(URLEncoder.encode(String.valueOf(values[index++]), StandardCharsets.UTF_8).replace("+", "%20"));
			at = parameter.end();
		}
		return built.append(path.substring(at)).toString();
	}

	/** Whether a path is some route's, whatever its method: a wrong method is then 405, not 404. */
	public static boolean anyMatches(String requestPath) {
		for (Operation operation : values()) {
			if (operation.match(requestPath) != null) {
				return true;
			}
		}
		return false;
	}

	/** The route for a request, or null. */
	public static Operation find(String method, String requestPath) {
		for (Operation operation : values()) {
			if (operation.method.equals(method) && operation.match(requestPath) != null) {
				return operation;
			}
		}
		return null;
	}
}
