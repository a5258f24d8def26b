package io.syncline.cli.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.transport.SecretBox;

/**
 * {@code secrets-key --to FILE} makes the key endpoints' secrets are sealed with, in a new owner-only file (never
 * over one that exists: a lost key loses the secrets it sealed), and prints its id. The runtime reads it from the
 * file {@code SYNCLINE_SECRETS_KEY_FILE} names. Keep it apart from the data and its backups.
 */
@Component(service = RuntimeCommand.class)
public final class SecretsKeyCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "secrets-key";
	}

	@Override
	public String summary() {
		return "secrets-key --to FILE";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("to"), Set.of());
		Path file = Path.of(options.require("to"));
		String key = SecretBox.newKey();
		try {
			Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
					PosixFilePermissions.fromString("rw-------"))), key + "\n", StandardCharsets.US_ASCII,
					StandardOpenOption.WRITE);
		} catch (FileAlreadyExistsException e) {
			throw new IllegalArgumentException(file + " exists; a key is never overwritten (the secrets it sealed "
					+ "would be lost)");
		}
		out.println("wrote a new secrets key to " + file + " (key id "
				+ SecretBox.of(Base64.getDecoder().decode(key)).keyId() + "); start the runtime with "
				+ SecretBox.KEY_FILE_VARIABLE + "=" + file.toAbsolutePath());
		return OK;
	}
}
