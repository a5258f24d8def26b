package io.syncline.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.api.IssuedToken;
import io.syncline.runtime.api.NewToken;
import io.syncline.runtime.api.Role;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.runtime.local.AccessTokens;
import io.syncline.runtime.local.LocalRuntime;

/**
 * {@code token create --tenant T --role R --user U [--expires P30D]} prints a bearer token once; {@code token list}
 * shows them without their secret; {@code token revoke ID} ends one from its next use.
 */
@Component(service = RuntimeCommand.class)
public final class TokenCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "token";
	}

	@Override
	public String summary() {
		return "token create --tenant T|* --role VIEWER|OPERATOR|ANALYST|ADMIN --user U [--expires P30D] | token list"
				+ " | token revoke ID: bearer tokens for the HTTP API";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("tenant", "role", "user", "expires"), Set.of());
		List<String> words = options.positional();
		try (LocalRuntime runtime = Runtimes.runtime(context, null)) {
			AccessTokens tokens = runtime.accessTokens();
			if (words.equals(List.of("create"))) {
				IssuedToken issued = tokens.create(options.require("tenant"),
						options.require("user"), Role.parse(options.require("role")), expiry(options.get("expires")));
				Map<String, Object> shown = new LinkedHashMap<>();
				shown.put("token", issued.secret());
				shown.put("id", issued.token().id());
				shown.put("tenant", issued.token().tenantId());
				shown.put("user", issued.token().user());
				shown.put("role", issued.token().role());
				shown.put("expiresAt", issued.token().expiresAt());
				shown.put("note", "the token is shown this once; it is stored only as a hash");
				out.println(Json.write(shown));
			} else if (words.equals(List.of("list"))) {
				out.println(Json.write(tokens.list()));
			} else if (words.size() == 2 && words.get(0).equals("revoke")) {
				out.println(Json.write(tokens.revoke(Long.parseLong(words.get(1)))));
			} else {
				throw new IllegalArgumentException(summary());
			}
		}
		return OK;
	}

	private static Duration expiry(String expires) {
		try {
			return NewToken.validity(expires);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("--expires: " + e.getMessage());
		}
	}
}
