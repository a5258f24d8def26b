package io.syncline.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeService;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;

/**
 * While {@code serve --port N} runs: the HTTP API on the served runtime, loopback unless {@code --bind} says
 * otherwise (and then TLS, or {@code --insecure-bind}). Stopping answers new requests 503 and ends the event
 * streams before the runtime closes.
 */
@Component(service = RuntimeService.class)
public final class HttpService implements RuntimeService {

	private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);

	@Reference
	private ServedRuntime served;
	private RuntimeServer server;

	@Override
	public String name() {
		return "http";
	}

	@Override
	public int startOrder() {
		return 100;
	}

	@Override
	public void start(CommandContext context) throws Exception {
		String port = context.option("port");
		if (port == null) {
			LOG.debug("no --port: the HTTP API is off");
			return;
		}
		ServerSettings settings;
		try {
			settings = ServerSettings.loopback(Integer.parseInt(port));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("--port " + port + " is not a port number");
		}
		if (context.option("bind") != null) {
			settings = settings.bind(context.option("bind"));
		}
		if (context.option("tls-keystore") != null) {
			String passwordFile = context.option("tls-password-file");
			if (passwordFile == null) {
				throw new IllegalArgumentException("--tls-keystore needs --tls-password-file (the keystore's password)");
			}
			settings = settings.tls(Path.of(context.option("tls-keystore")),
					Files.readString(Path.of(passwordFile)).strip().toCharArray());
		}
		if (context.option("trusted-proxy") != null) {
			settings = settings.trustedProxies(java.util.List.of(context.option("trusted-proxy").split(",")));
		}
		if (context.option("insecure-bind") != null) {
			settings = settings.allowInsecureBind();
		}
		var runtime = served.acquire(context);
		try {
			server = RuntimeServer.start(settings, runtime, context.version());
		} catch (RuntimeException e) {
			served.release();
			throw e;
		}
	}

	@Override
	public void stop() {
		if (server != null) {
			server.close();
			server = null;
			served.release();
		}
	}
}
