package io.syncline.runtime.api;

/** What a person decides about an exception. */
public enum Decision {
	/** A price change: the supplier's price becomes the agreed one. */
	ACCEPT,
	/** A price change: the PO price stands; the supplier must be told. */
	REJECT,
	/** Closed without effect. */
	IGNORE,
	/** Fixed outside Syncline; closed as resolved. */
	RESOLVE
}
