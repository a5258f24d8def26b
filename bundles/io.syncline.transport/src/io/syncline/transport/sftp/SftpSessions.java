package io.syncline.transport.sftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

import io.syncline.transport.Endpoint;
import io.syncline.transport.TransportException;

/**
 * SFTP sessions to partners over one MINA SSHD client: authenticated by password or private key, and only to a host
 * whose key is pinned in the endpoint's {@code hostKey} setting (its SHA-256 fingerprint, as {@code ssh-keygen -l}
 * prints it). An unknown host key is refused, with its fingerprint in the error, so an operator can check it with
 * the partner and pin it; there is no trust on first use.
 */
final class SftpSessions implements AutoCloseable {

	/** What a session's host key must be, and the key it had if it was refused. */
	private record Pin(List<String> fingerprints, AtomicReference<String> refused) {
	}

	private static final AttributeRepository.AttributeKey<Pin> PIN = new AttributeRepository.AttributeKey<>();

	private final SshClient client;

	SftpSessions() {
		client = SshClient.setUpDefaultClient();
		client.setServerKeyVerifier(SftpSessions::pinned);
		client.start();
	}

	/** An open SFTP channel and the session under it, closed together. */
	record Connection(ClientSession session, SftpClient sftp) implements AutoCloseable {
		@Override
		public void close() throws IOException {
			try {
				sftp.close();
			} finally {
				session.close();
			}
		}
	}

	Connection open(Endpoint endpoint) {
		String host = endpoint.setting("host");
		int port = endpoint.intSetting("port", 22);
		String user = endpoint.setting("user");
		Duration timeout = Duration.ofSeconds(endpoint.intSetting("timeoutSeconds", 20));
		List<String> pins = Arrays.stream(endpoint.setting("hostKey").split("[,\\s]+")).map(SftpSessions::normalized)
				.filter(pin -> !pin.isEmpty()).toList();
		Pin pin = new Pin(pins, new AtomicReference<>());
		ClientSession session = null;
		String where = user + "@" + host + ":" + port;
		try {
			session = client.connect(user, host, port, AttributeRepository.ofKeyValuePair(PIN, pin), null)
					.verify(timeout).getSession();
			identify(endpoint, session);
			session.auth().verify(timeout);
			return new Connection(session, SftpClientFactory.instance().createSftpClient(session));
		} catch (IOException | RuntimeException e) {
			closeQuietly(session);
			if (pin.refused().get() != null) {
				throw new TransportException("endpoint " + endpoint.id() + ": the host key of " + host + ":" + port
						+ " is " + pin.refused().get() + ", which is not pinned (hostKey is " + pins
						+ "); check it with the partner, then set hostKey to it");
			}
			if (e instanceof TransportException known) {
				throw known;
			}
			throw new TransportException("endpoint " + endpoint.id() + ": cannot open SFTP to " + where + ": "
					+ SftpFailures.words(e), e);
		}
	}

	/** Adds the endpoint's password or private key; an endpoint with neither is told so before connecting. */
	private static void identify(Endpoint endpoint, ClientSession session) throws IOException {
		if (endpoint.secret("privateKey").isPresent()) {
			try {
				FilePasswordProvider passphrase = endpoint.secret("passphrase")
						.map(FilePasswordProvider::of).orElse(FilePasswordProvider.EMPTY);
				Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(session,
						NamedResource.ofName("privateKey of " + endpoint.id()), new ByteArrayInputStream(
								endpoint.secret("privateKey").get().getBytes(StandardCharsets.UTF_8)), passphrase);
				if (keys == null || !keys.iterator().hasNext()) {
					throw new TransportException("endpoint " + endpoint.id() + ": the privateKey secret holds no key "
							+ "(expected an OpenSSH or PEM private key)");
				}
				keys.forEach(session::addPublicKeyIdentity);
			} catch (GeneralSecurityException e) {
				throw new TransportException("endpoint " + endpoint.id() + ": the privateKey secret cannot be read: "
						+ e.getMessage());
			}
		}
		endpoint.secret("password").ifPresent(session::addPasswordIdentity);
		if (endpoint.secret("privateKey").isEmpty() && endpoint.secret("password").isEmpty()) {
			throw new TransportException("endpoint " + endpoint.id() + " has neither a password nor a privateKey secret");
		}
	}

	private static boolean pinned(ClientSession session, java.net.SocketAddress remote, PublicKey key) {
		AttributeRepository context = session.getConnectionContext();
		Pin pin = context == null ? null : context.getAttribute(PIN);
		String fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
		if (pin != null && pin.fingerprints().contains(normalized(fingerprint))) {
			return true;
		}
		if (pin != null) {
			pin.refused().set(fingerprint + " (" + KeyUtils.getKeyType(key) + ")");
		}
		return false;
	}

	/** {@code SHA256:abc…} with or without its prefix and base64 padding, as users paste it. */
	static String normalized(String fingerprint) {
		String value = fingerprint.strip();
		if (value.regionMatches(true, 0, "SHA256:", 0, 7)) {
			value = value.substring(7);
		}
		while (value.endsWith("=")) {
			value = value.substring(0, value.length() - 1);
		}
		return value;
	}

	private static void closeQuietly(ClientSession session) {
		if (session != null) {
			try {
				session.close();
			} catch (IOException e) {
				// it failed before it was of use; the first failure is the one reported
			}
		}
	}

	@Override
	public void close() {
		client.stop();
	}
}
