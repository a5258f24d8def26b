package io.syncline.runtime.server.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The address a request comes from, for limiting failed authentications and for the audit: the connection's peer,
 * or, when that peer is a proxy the runtime was told to trust ({@code --trusted-proxy CIDR}), the client the proxy
 * names in {@code X-Forwarded-For} or {@code Forwarded}. The chain is read from the right, past every trusted proxy,
 * so a client cannot name itself by sending the header: from anyone else the header is ignored. Only address
 * literals are taken from a header; a name is never looked up.
 */
final class ClientAddresses {

	private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for=(\"[^\"]*\"|[^;,\\s]+)");
	private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final InetAddressSet trusted = new InetAddressSet();

	/** @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}); a bad one is refused */
	ClientAddresses(List<String> trustedProxies) {
		for (String proxy : trustedProxies) {
			try {
				trusted.add(proxy.strip());
			} catch (RuntimeException e) {
				throw new IllegalArgumentException("--trusted-proxy " + proxy + " is not an address or a CIDR range");
			}
		}
	}

	String of(SocketAddress peer, HttpFields headers) {
		if (!(peer instanceof InetSocketAddress socket) || socket.getAddress() == null) {
			return String.valueOf(peer);
		}
		InetAddress client = socket.getAddress();
		if (trusted.isEmpty() || !trusted.test(client)) {
			return client.getHostAddress();
		}
		List<String> chain = chain(headers);
		for (int i = chain.size() - 1; i >= 0; i--) {
			InetAddress hop = literal(chain.get(i));
			if (hop == null) {
				break; // a hop that is not an address (unknown, obfuscated): the last one known stands
			}
			client = hop;
			if (!trusted.test(hop)) {
				break;
			}
		}
		return client.getHostAddress();
	}

	/** The hops the proxies name, nearest to the client first: {@code Forwarded} if sent, else X-Forwarded-For. */
	private static List<String> chain(HttpFields headers) {
		List<String> hops = new ArrayList<>();
		List<String> forwarded = headers.getValuesList("Forwarded");
		if (!forwarded.isEmpty()) {
			for (String value : forwarded) {
				Matcher matcher = FORWARDED_FOR.matcher(value);
				while (matcher.find()) {
					hops.add(matcher.group(1));
				}
			}
			return hops;
		}
		for (String value : headers.getValuesList("X-Forwarded-For")) {
			for (String hop : value.split(",")) {
				hops.add(hop);
			}
		}
		return hops;
	}

	/** An address literal, without quotes, brackets or port; null for anything else. */
	private static InetAddress literal(String hop) {
		String value = hop.strip().replace("\"", "");
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			value = end < 0 ? "" : value.substring(1, end);
		} else if (value.indexOf(':') == value.lastIndexOf(':') && value.contains(":")) {
			value = value.substring(0, value.indexOf(':')); // IPv4 with a port
		}
		if (!LITERAL.matcher(value).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(value); // a literal: no lookup
		} catch (UnknownHostException e) {
			return null;
		}
	}
}
