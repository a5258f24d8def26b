package io.syncline.runtime.api;

/** A token just created: its secret, to hand to its holder this once, and what was stored. */
public record IssuedToken(String secret, AccessToken token) {

	@Override
	public String toString() {
		return "IssuedToken[" + token + "]"; // the secret stays out of logs and messages
	}
}
