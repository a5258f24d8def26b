package io.syncline.transport;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncline.transport.sftp.SftpTransport;

/**
 * The transports a runtime has, one of each kind, made when first asked for and closed with it. A folder endpoint
 * is the runtime's own inbox or outbox folder, so it has no transport here.
 */
public final class Transports implements AutoCloseable {

	private final Map<EndpointKind, Transport> made = new EnumMap<>(EndpointKind.class);

	/** The transport of a kind, or empty for a folder (the runtime's own folders) and for kinds not built yet. */
	public synchronized Optional<Transport> of(EndpointKind kind) {
		Transport transport = made.get(kind);
		if (transport == null) {
			transport = switch (kind) {
			case SFTP -> new SftpTransport();
			case WEBHOOK -> new io.syncline.transport.webhook.WebhookTransport();
			case HTTP -> new io.syncline.transport.http.HttpTransport();
			case JDBC -> new io.syncline.transport.jdbc.JdbcPolling();
			case AS2 -> new io.syncline.transport.as2.As2Transport();
			default -> null;
			};
			if (transport != null) {
				made.put(kind, transport);
			}
		}
		return Optional.ofNullable(transport);
	}

	/** The fields an endpoint of this kind takes, for checks and forms; none for a folder. */
	public List<Transport.Field> fields(EndpointKind kind, Endpoint.Direction direction) {
		return of(kind).map(transport -> transport.fields(direction)).orElse(List.of());
	}

	/** Whether endpoints of this kind can be set up in this runtime. */
	public boolean available(EndpointKind kind) {
		return kind == EndpointKind.FOLDER || of(kind).isPresent();
	}

	@Override
	public synchronized void close() {
		made.values().forEach(Transport::close);
		made.clear();
	}
}
