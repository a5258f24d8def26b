package io.syncline.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server on loopback (Apache MINA SSHD's), serving a folder as its root to one user with a password:
 * what an SFTP endpoint talks to in tests. Its host key is made once per folder, so a restarted server keeps it.
 */
public final class LoopbackSftpServer implements AutoCloseable {

	private final SshServer server;
	private final Path root;
	private final AtomicInteger logins = new AtomicInteger();

	public LoopbackSftpServer(Path root, Path hostKey, String user, String password) throws IOException {
		this(root, hostKey, user, password, 0);
	}

	/** A server on a given port (0: any free one), such as the port a stopped server had, to bring it back. */
	public LoopbackSftpServer(Path root, Path hostKey, String user, String password, int port) throws IOException {
		this.root = Files.createDirectories(root);
		server = SshServer.setUpDefaultServer();
		server.setHost("127.0.0.1");
		server.setPort(port);
		server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
		server.setPasswordAuthenticator((name, typed, session) -> {
			boolean ok = user.equals(name) && password.equals(typed);
			if (ok) {
				logins.incrementAndGet();
			}
			return ok;
		});
		server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
		server.setFileSystemFactory(new VirtualFileSystemFactory(this.root));
		server.start();
	}

	public int port() {
		return server.getPort();
	}

	public Path root() {
		return root;
	}

	/** Logins that passed: a poll is one. */
	public int logins() {
		return logins.get();
	}

	/** The host key's SHA-256 fingerprint, as {@code ssh-keygen -l} prints it. */
	public String fingerprint() {
		try {
			PublicKey key = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
			return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
		} catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Settings an SFTP endpoint needs to reach this server's {@code directory}. */
	public Map<String, String> settings(String user, String directory) {
		return Map.of("host", "127.0.0.1", "port", String.valueOf(port()), "user", user, "directory", directory,
				"hostKey", fingerprint());
	}

	@Override
	public void close() throws IOException {
		server.stop(true);
	}
}
