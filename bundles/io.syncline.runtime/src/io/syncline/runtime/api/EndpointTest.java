package io.syncline.runtime.api;

import java.util.List;

/**
 * What a connection test found: whether the endpoint connected, authenticated and could list (nothing is written,
 * moved or taken), in one line, and what it saw, such as the files it would take.
 */
public record EndpointTest(boolean ok, String summary, List<String> details) {
	public EndpointTest {
		details = details == null ? List.of() : List.copyOf(details);
	}
}
