package io.syncline.mapping.functions;

/** Conventions of lookup tables. */
public final class LookupTables {

	/** An entry with this key answers keys the table does not list. */
	public static final String DEFAULT_KEY = "*";

	private LookupTables() {
	}
}
