package io.syncline.transport.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.syncline.transport.Transport;

/** A receiver that keeps what it is given and claims each pickup key once, as the store does, and keeps cursors. */
final class ClaimingReceiver implements Transport.Receiver {

	final Map<String, String> byName = new LinkedHashMap<>();
	final Set<String> claims = new HashSet<>();
	final List<String> fetched = new ArrayList<>();
	final Map<String, String> cursors = new HashMap<>();

	@Override
	public boolean seen(String pickupKey) {
		return claims.contains(pickupKey);
	}

	@Override
	public long receive(String pickupKey, String name, InputStream content) throws IOException {
		fetched.add(name);
		String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
		if (!claims.add(pickupKey)) {
			return -1;
		}
		byName.put(name, text);
		return claims.size();
	}

	@Override
	public Optional<String> cursor(String name) {
		return Optional.ofNullable(cursors.get(name));
	}

	@Override
	public void cursor(String name, String value) {
		cursors.put(name, value);
	}
}
