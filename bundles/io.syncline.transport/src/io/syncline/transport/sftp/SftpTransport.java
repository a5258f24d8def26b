package io.syncline.transport.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;

/**
 * SFTP in and out (Apache MINA SSHD). In: lists the endpoint's folder, takes each ready file (see
 * {@link RemoteListing}) by streaming it into the receiver, which journals it and claims its path, size and mtime in
 * one transaction; only then is the remote file deleted or moved to the archive folder, as set. A crash between
 * the two finds the file again, and its claim keeps it from applying twice. Out: writes under a temporary name,
 * then renames, so the partner never takes half a file.
 */
public final class SftpTransport implements Transport.Polling, Transport.Delivering {

	private static final int DEFAULT_MAX_FILES = 500;

	private final SftpSessions sessions = new SftpSessions();
	private final RemoteListing listings = new RemoteListing();

	@Override
	public EndpointKind kind() {
		return EndpointKind.SFTP;
	}

	@Override
	public List<Field> fields(Endpoint.Direction direction) {
		List<Field> fields = new ArrayList<>(List.of(new Field("host", true, false, "the partner's SFTP server"),
				new Field("port", false, false, "22 unless told"), new Field("user", true, false, "the login"),
				new Field("directory", true, false, direction == Endpoint.Direction.IN ? "the folder to take files from"
						: "the folder to write files to"),
				new Field("hostKey", true, false, "the server's SHA-256 key fingerprint, as ssh-keygen -l prints it"),
				new Field("timeoutSeconds", false, false, "20 unless told"),
				new Field("password", false, true, "the password, or"),
				new Field("privateKey", false, true, "an OpenSSH or PEM private key"),
				new Field("passphrase", false, true, "the private key's passphrase, if it has one")));
		if (direction == Endpoint.Direction.IN) {
			fields.add(new Field("patterns", false, false, "names to take, such as *.edi,*.x12 (all unless told)"));
			fields.add(new Field("stable", false, false, "listings (size and mtime unchanged between two listings; "
					+ "the default) or name (the partner renames files when they are whole)"));
			fields.add(new Field("after", false, false, "delete (the default), archive or leave"));
			fields.add(new Field("archiveDirectory", false, false, "where taken files go when after=archive"));
			fields.add(new Field("maxFiles", false, false, "files taken per poll, " + DEFAULT_MAX_FILES + " unless told"));
		} else {
			fields.add(new Field("tempSuffix", false, false, "the temporary name's suffix while writing, .part unless told"));
		}
		return fields;
	}

	@Override
	public Check check(Endpoint endpoint) {
		try (SftpSessions.Connection connection = sessions.open(endpoint)) {
			String folder = endpoint.setting("directory");
			SftpClient.Attributes attributes = connection.sftp().stat(folder);
			if (!attributes.isDirectory()) {
				return new Check(false, folder + " on " + endpoint.setting("host") + " is not a folder", List.of());
			}
			String connected = "connected to " + endpoint.setting("host") + ":" + endpoint.intSetting("port", 22)
					+ " as " + endpoint.setting("user");
			if (endpoint.direction() == Endpoint.Direction.OUT) {
				return new Check(true, connected + "; " + folder + " is there (nothing was written)", List.of());
			}
			List<RemoteListing.Listed> files = list(connection.sftp(), folder).stream()
					.filter(file -> !RemoteListing.temporary(file.name()) && fits(endpoint, file.name())).toList();
			List<String> details = files.stream().limit(20).map(file -> file.name() + " (" + file.size() + " bytes)")
					.toList();
			return new Check(true, connected + "; " + files.size() + " file(s) to take in " + folder
					+ " (nothing was taken)", details);
		} catch (TransportException e) {
			return new Check(false, e.getMessage(), List.of());
		} catch (IOException e) {
			return new Check(false, "endpoint " + endpoint.id() + ": cannot list " + endpoint.setting("directory", "?")
					+ " on " + endpoint.setting("host", "?") + ": " + SftpFailures.words(e), List.of());
		}
	}

	@Override
	public Polled poll(Endpoint endpoint, Receiver receiver) {
		String folder = endpoint.setting("directory");
		String after = endpoint.setting("after", "delete").toLowerCase(Locale.ROOT);
		if (!List.of("delete", "archive", "leave").contains(after)) {
			throw new TransportException("endpoint " + endpoint.id() + ": setting 'after' is '" + after
					+ "'; delete, archive or leave");
		}
		String archive = after.equals("archive") ? endpoint.setting("archiveDirectory") : null;
		int maxFiles = endpoint.intSetting("maxFiles", DEFAULT_MAX_FILES);
		boolean renamedWhenWhole = endpoint.setting("stable", "listings").equalsIgnoreCase("name");
		try (SftpSessions.Connection connection = sessions.open(endpoint)) {
			SftpClient sftp = connection.sftp();
			List<RemoteListing.Listed> ready = listings.ready(key(endpoint), list(sftp, folder), patterns(endpoint),
					renamedWhenWhole);
			int taken = 0;
			int seen = 0;
			for (RemoteListing.Listed file : ready.subList(0, Math.min(maxFiles, ready.size()))) {
				String pickup = file.pickupKey(folder);
				String path = folder + "/" + file.name();
				if (receiver.seen(pickup)) {
					seen++;
				} else {
					long message;
					try (InputStream in = sftp.read(path)) {
						message = receiver.receive(pickup, file.name(), in);
					}
					if (message < 0) {
						seen++;
					} else {
						taken++;
					}
				}
				dispose(sftp, path, after, archive, file.name());
			}
			return new Polled(taken, seen, Math.max(0, ready.size() - maxFiles));
		} catch (IOException e) {
			throw new TransportException("endpoint " + endpoint.id() + ": " + SftpFailures.words(e), e);
		}
	}

	@Override
	public Delivered deliver(Endpoint endpoint, Outgoing document) {
		String folder = endpoint.setting("directory");
		String target = folder + "/" + document.name();
		String temporary = folder + "/" + document.name() + endpoint.setting("tempSuffix", ".part");
		try (SftpSessions.Connection connection = sessions.open(endpoint)) {
			SftpClient sftp = connection.sftp();
			try (InputStream in = document.content().open(); OutputStream out = sftp.write(temporary)) {
				in.transferTo(out);
			}
			try {
				sftp.rename(temporary, target, SftpClient.CopyMode.Overwrite);
			} catch (SftpException e) {
				if (!exists(sftp, target)) {
					throw e;
				}
				// a delivery repeated after a stop: the partner has not taken the first, so it is replaced
				sftp.remove(target);
				sftp.rename(temporary, target);
			}
			return Delivered.DONE;
		} catch (IOException e) {
			throw new TransportException("endpoint " + endpoint.id() + ": cannot deliver " + document.name() + " to "
					+ target + ": " + SftpFailures.words(e), e);
		}
	}

	/** Forgets what the endpoint's last listing saw (it was changed or removed). */
	public void forget(Endpoint endpoint) {
		listings.forget(key(endpoint));
	}

	private static void dispose(SftpClient sftp, String path, String after, String archive, String name)
			throws IOException {
		switch (after) {
		case "delete" -> removeIfThere(sftp, path);
		case "archive" -> {
			String target = archive + "/" + name;
			if (exists(sftp, target)) {
				sftp.remove(target);
			}
			sftp.rename(path, target);
		}
		default -> {
			// left where it is: its claim keeps it from being taken again
		}
		}
	}

	private static void removeIfThere(SftpClient sftp, String path) throws IOException {
		try {
			sftp.remove(path);
		} catch (SftpException e) {
			if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
				throw e;
			}
		}
	}

	private static boolean exists(SftpClient sftp, String path) throws IOException {
		try {
			sftp.stat(path);
			return true;
		} catch (SftpException e) {
			if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
				return false;
			}
			throw e;
		}
	}

	private static List<RemoteListing.Listed> list(SftpClient sftp, String folder) throws IOException {
		List<RemoteListing.Listed> files = new ArrayList<>();
		for (SftpClient.DirEntry entry : sftp.readDir(folder)) {
			SftpClient.Attributes attributes = entry.getAttributes();
			if (attributes.isRegularFile()) {
				files.add(new RemoteListing.Listed(entry.getFilename(), attributes.getSize(),
						attributes.getModifyTime() == null ? 0 : attributes.getModifyTime().toMillis()));
			}
		}
		return files;
	}

	private static List<String> patterns(Endpoint endpoint) {
		String patterns = endpoint.setting("patterns", "");
		return Arrays.stream(patterns.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	private static boolean fits(Endpoint endpoint, String name) {
		return RemoteListing.fitsPatterns(patterns(endpoint), name);
	}

	private static String key(Endpoint endpoint) {
		return endpoint.tenantId() + "/" + endpoint.id();
	}

	@Override
	public void close() {
		sessions.close();
	}
}
