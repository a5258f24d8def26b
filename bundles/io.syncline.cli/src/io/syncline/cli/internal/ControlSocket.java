package io.syncline.cli.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a command reaches the {@code serve} that holds the data directory's store: a Unix domain socket in the
 * owner-only {@code <data>/run}, so only the data's owner can ask, with one line in and one line out
 * ({@code backup FILE} → {@code ok BYTES} or {@code error WHY}). An embedded H2 store is one process's; a second
 * process cannot open it while serve runs.
 */
final class ControlSocket {

	private ControlSocket() {
	}

	static Path of(Path dataDirectory) {
		return dataDirectory.resolve("run").resolve("control.sock");
	}

	/** The serve's answer, or null when no serve listens (no socket, or one a stopped serve left). */
	static String ask(Path dataDirectory, String request) throws IOException {
		Path socket = of(dataDirectory);
		if (!Files.exists(socket)) {
			return null;
		}
		SocketChannel channel;
		try {
			channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
		} catch (IOException refused) {
			return null; // left by a serve that was killed: nobody listens
		}
		try (channel) {
			channel.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
			String answer = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8).strip();
			if (answer.isEmpty()) {
				throw new IOException("the serve holding " + dataDirectory + " closed the control socket unanswered");
			}
			return answer;
		}
	}

	/** A socket family check: Unix domain sockets need Java 16 and an OS that has them. */
	static boolean supported() {
		try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			return true;
		} catch (IOException | UnsupportedOperationException e) {
			return false;
		}
	}
}
