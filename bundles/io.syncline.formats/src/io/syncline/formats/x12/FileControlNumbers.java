package io.syncline.formats.x12;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Control numbers kept in one small file per partner and kind under a directory. Each call locks the file (so
 * several processes can share it), reads, increments, writes and forces it to disk before returning, so a number is
 * durable before anyone uses it. The store bundle replaces this with a database counter.
 */
public final class FileControlNumbers implements ControlNumbers {

	private final Path directory;

	public FileControlNumbers(Path directory) {
		this.directory = directory;
	}

	@Override
	public synchronized long next(String partnerId, Kind kind) {
		Path file = directory.resolve(partnerId + "." + kind.name().toLowerCase(Locale.ROOT) + ".ctl");
		try {
			Files.createDirectories(directory);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				ByteBuffer buffer = ByteBuffer.allocate(32);
				channel.read(buffer, 0);
				String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
				long next = text.isEmpty() ? 1 : Long.parseLong(text) + 1;
				channel.truncate(0);
				channel.write(ByteBuffer.wrap(Long.toString(next).getBytes(StandardCharsets.US_ASCII)), 0);
				channel.force(true);
				return next;
			}
		} catch (IOException e) {
			throw new UncheckedIOException("cannot advance control number in " + file, e);
		}
	}
}
