package io.syncline.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.OwnerOnly;
import io.syncline.runtime.cli.RuntimeService;
import io.syncline.runtime.local.LocalRuntime;

/**
 * While {@code serve} runs: the control socket ({@link ControlSocket}) through which {@code backup} asks this
 * process, which holds the store, to back it up while it works.
 */
@Component(service = RuntimeService.class)
public final class ControlService implements RuntimeService {

	private static final Logger LOG = LoggerFactory.getLogger(ControlService.class);

	@Reference
	private ServedRuntime served;
	private ServerSocketChannel server;
	private Path socket;
	private Thread acceptor;

	@Override
	public String name() {
		return "control";
	}

	@Override
	public void start(CommandContext context) throws Exception {
		if (!ControlSocket.supported()) {
			LOG.warn("no Unix domain sockets here: backup works only while serve is stopped");
			return;
		}
		socket = ControlSocket.of(context.dataDirectory());
		OwnerOnly.prepare(socket.getParent());
		Files.deleteIfExists(socket); // left by a serve that was killed
		server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		try {
			server.bind(UnixDomainSocketAddress.of(socket));
		} catch (IOException e) {
			// a data directory so deep its socket's path passes the OS's limit (108 bytes on Linux)
			LOG.warn("no control socket at {} ({}): backup works only while serve is stopped", socket, e.toString());
			server.close();
			return;
		}
		LocalRuntime runtime = served.acquire(context);
		acceptor = new Thread(() -> accept(runtime), "syncline-control");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void accept(LocalRuntime runtime) {
		while (server.isOpen()) {
			try (SocketChannel client = server.accept()) {
				BufferedReader in = new BufferedReader(
						new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
				String answer = answer(runtime, in.readLine());
				client.write(ByteBuffer.wrap((answer + "\n").getBytes(StandardCharsets.UTF_8)));
			} catch (ClosedChannelException stopped) {
				return;
			} catch (IOException e) {
				LOG.warn("control socket: {}", e.toString());
			}
		}
	}

	private static String answer(LocalRuntime runtime, String request) {
		if ("ping".equals(request)) {
			return "ok serving";
		}
		if (request == null || !request.startsWith("backup ")) {
			return "error unknown request (backup FILE, or ping)";
		}
		Path target = Path.of(request.substring("backup ".length()).strip());
		try {
			long start = System.nanoTime();
			long bytes = runtime.operations().backupTo(target);
			LOG.info("backed the store up to {}: {} bytes in {} ms", target, bytes, (System.nanoTime() - start) / 1_000_000);
			return "ok " + bytes;
		} catch (RuntimeException e) {
			LOG.warn("backup to {} failed: {}", target, e.getMessage());
			return "error " + e.getMessage().replace('\n', ' ');
		}
	}

	@Override
	public void stop() {
		try {
			if (server != null) {
				server.close();
			}
			if (socket != null) {
				Files.deleteIfExists(socket);
			}
		} catch (IOException e) {
			LOG.warn("closing the control socket: {}", e.toString());
		}
		if (acceptor != null) {
			served.release();
		}
	}
}
