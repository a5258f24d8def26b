package io.syncline.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives the runtimes a test class opens a secrets key of their own ({@code syncline.secretsKey}, 32 random bytes),
 * so endpoints with secrets can be saved, and takes it away after the class.
 */
public final class SecretsKeyForTests implements BeforeAllCallback, AfterAllCallback {

	public static final String PROPERTY = "syncline.secretsKey";

	@Override
	public void beforeAll(ExtensionContext context) {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		System.setProperty(PROPERTY, java.util.Base64.getEncoder().encodeToString(key));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		System.clearProperty(PROPERTY);
	}
}
