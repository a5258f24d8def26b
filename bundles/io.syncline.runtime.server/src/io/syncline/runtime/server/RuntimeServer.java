package io.syncline.runtime.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.server.internal.ApiHandler;
import io.syncline.runtime.server.internal.As2Handler;
import io.syncline.runtime.server.internal.PushHandler;
import io.syncline.runtime.server.internal.WebhookHandler;

/**
 * The runtime's HTTP API on embedded Jetty 12: the whole {@code IntegrationRuntime} as JSON and live events as
 * Server-Sent Events, every call but {@code /health} authenticated by a bearer token and acting as its principal.
 * Stopping answers new requests 503, ends the event streams and lets requests in flight finish within the grace
 * period.
 */
public final class RuntimeServer implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(RuntimeServer.class);

	private final Server server;
	private final ServerConnector connector;
	private final ApiHandler api;
	private final List<PushHandler> pushes;
	private final ServerSettings settings;

	private RuntimeServer(Server server, ServerConnector connector, ApiHandler api, List<PushHandler> pushes,
			ServerSettings settings) {
		this.pushes = pushes;
		this.server = server;
		this.connector = connector;
		this.api = api;
		this.settings = settings;
	}

	/** Starts serving {@code root} (a local runtime acting as an ADMIN of every tenant) as configured. */
	public static RuntimeServer start(ServerSettings settings, LocalRuntime root, String version) {
		if (!settings.tls() && !settings.insecureBind() && !isLoopback(settings.host())) {
			throw new IllegalArgumentException("refusing plain HTTP on " + settings.host()
					+ ": give a PKCS#12 keystore for TLS, or --insecure-bind behind a proxy that terminates TLS");
		}
		QueuedThreadPool threads = new QueuedThreadPool(Math.max(64, settings.maxStreams() + 32), 4);
		threads.setName("syncline-http");
		Server server = new Server(threads);
		HttpConfiguration http = new HttpConfiguration();
		http.setRequestHeaderSize(settings.maxHeaderBytes());
		http.setSendServerVersion(false);
		http.setSendXPoweredBy(false);
		ServerConnector connector;
		if (settings.tls()) {
			SslContextFactory.Server tls = new SslContextFactory.Server();
			tls.setKeyStorePath(settings.keystore().toString());
			tls.setKeyStoreType("PKCS12");
			tls.setKeyStorePassword(new String(settings.keystorePassword()));
			http.addCustomizer(new SecureRequestCustomizer(false));
			connector = new ServerConnector(server, tls, new HttpConnectionFactory(http));
		} else {
			connector = new ServerConnector(server, new HttpConnectionFactory(http));
		}
		connector.setHost(settings.host());
		connector.setPort(settings.port());
		connector.setIdleTimeout(Math.max(30_000, settings.heartbeat().toMillis() * 4));
		server.addConnector(connector);
		ApiHandler api = new ApiHandler(root, settings, version, Instant.now());
		WebhookHandler hooks = new WebhookHandler(root, settings.maxBodyBytes(), settings.trustedProxies());
		As2Handler as2 = new As2Handler(root, settings.maxBodyBytes(), settings.trustedProxies());
		server.setHandler(new GracefulHandler(new Handler.Abstract() {
			@Override
			public boolean handle(Request request, Response response, Callback callback) throws Exception {
				String path = Request.getPathInContext(request);
				return WebhookHandler.handles(path) ? hooks.handle(request, response, callback)
						: As2Handler.handles(path) ? as2.handle(request, response, callback)
								: api.handle(request, response, callback);
			}
		}));
		server.setStopTimeout(settings.stopGrace().toMillis());
		server.setStopAtShutdown(false);
		try {
			server.start();
		} catch (Exception e) {
			try {
				server.stop();
			} catch (Exception ignored) {
				// the start failed already; that is the error to report
			}
			throw new RuntimeFailure("cannot serve on " + settings.host() + ":" + settings.port() + ": "
					+ RuntimeFailure.reasonOf(e), e);
		}
		RuntimeServer running = new RuntimeServer(server, connector, api, List.of(hooks, as2), settings);
		LOG.info("serving the API on {}", running.url());
		return running;
	}

	private static boolean isLoopback(String host) {
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (!address.isLoopbackAddress()) {
					return false;
				}
			}
			return true;
		} catch (UnknownHostException e) {
			throw new IllegalArgumentException("cannot bind " + host + ": unknown host", e);
		}
	}

	public int port() {
		return connector.getLocalPort();
	}

	public String url() {
		String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
		return (settings.tls() ? "https" : "http") + "://" + host + ":" + port();
	}

	/**
	 * Stops: new requests get 503, event streams end, requests in flight get the grace period to finish. Work the
	 * runtime has journaled stays journaled; the caller closes the runtime after.
	 */
	@Override
	public void close() {
		api.stopping();
		try {
			server.stop();
		} catch (Exception e) {
			LOG.warn("the HTTP server did not stop cleanly: {}", RuntimeFailure.reasonOf(e));
		}
		pushes.forEach(PushHandler::stopping);
	}
}
