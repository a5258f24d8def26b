package io.syncline.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A partner's HTTP server on loopback (Jetty): it keeps every request it gets, and answers from a script of
 * answers queued by the test, or else with what its default function says.
 */
public final class LoopbackHttpPartner implements AutoCloseable {

	/** A request as the partner got it. */
	public record Received(String method, String path, String query, Map<String, String> headers, byte[] body,
			long atNanos) {
		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	/** An answer: status, headers, body. */
	public record Answer(int status, Map<String, String> headers, String body) {
		public static Answer ok(String body) {
			return new Answer(200, Map.of("Content-Type", "application/json"), body);
		}
	}

	private final Server server = new Server();
	private final ServerConnector connector = new ServerConnector(server);
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private final Deque<Answer> script = new ArrayDeque<>();
	private volatile Function<Received, Answer> otherwise = request -> Answer.ok("{}");

	public LoopbackHttpPartner() throws Exception {
		connector.setHost("127.0.0.1");
		server.addConnector(connector);
		server.setHandler(new Handler.Abstract() {
			@Override
			public boolean handle(Request request, Response response, Callback callback) throws Exception {
				Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				for (HttpField field : request.getHeaders()) {
					headers.put(field.getName(), field.getValue());
				}
				byte[] body = Content.Source.asInputStream(request).readAllBytes();
				Received got = new Received(request.getMethod(), Request.getPathInContext(request),
						request.getHttpURI().getQuery(), headers, body, System.nanoTime());
				received.add(got);
				Answer answer;
				synchronized (script) {
					answer = script.isEmpty() ? otherwise.apply(got) : script.removeFirst();
				}
				response.setStatus(answer.status());
				answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
				response.write(true, ByteBuffer.wrap(answer.body().getBytes(StandardCharsets.UTF_8)), callback);
				return true;
			}
		});
		server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + connector.getLocalPort() + path;
	}

	/** Answers the next requests with these, in order, before the default. */
	public void then(Answer... answers) {
		synchronized (script) {
			script.addAll(List.of(answers));
		}
	}

	/** How requests are answered once the script is used up. */
	public void otherwise(Function<Received, Answer> answer) {
		this.otherwise = answer;
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	@Override
	public void close() throws Exception {
		server.stop();
	}
}
