package io.syncline.ui.internal.connections;

/**
 * A runtime the console can work against: the local one (no URL), or a remote one by URL, with the tenant to work
 * in (null: the token's own). Its token is not here: it lives in secure storage ({@link ConnectionStore}).
 */
public record Connection(String id, String name, String url, String tenant) {

	public static final String LOCAL_ID = "local";

	public static Connection local() {
		return new Connection(LOCAL_ID, "Local runtime", null, null);
	}

	public boolean isLocal() {
		return LOCAL_ID.equals(id);
	}

	public Connection withTenant(String value) {
		return new Connection(id, name, url, value);
	}

	/** What a list shows. */
	public String label() {
		return isLocal() ? name : name + " (" + url + ")";
	}
}
