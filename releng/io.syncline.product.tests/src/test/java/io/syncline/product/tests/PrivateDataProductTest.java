package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Business data private on disk, as the installed runtime is run from a shell with the usual umask (022): the data
 * directory, the store, every folder and the log are owner-only; an outbox opened to a pickup group by
 * {@code SYNCLINE_OUTBOX_MODE} is readable by that group only, and only the outbox; a data directory others can read
 * is reported in one line with the command that fixes it.
 */
class PrivateDataProductTest {

	@TempDir
	Path dir;

	private final Path product = ProductProcess.productDir("syncline.runtime.product");

	@Test
	void whatTheRuntimeWritesIsOwnerOnlyUnderTheUsualUmask() throws Exception {
		String output = ingestAnOrder(Map.of());
		List<String> open = openToOthers(dir.resolve("data"));
		open.addAll(openToOthers(dir.resolve("logs")));
		assertEquals(List.of(), open, "nothing the runtime wrote is open to others:\n" + output);
		assertTrue(Files.exists(dir.resolve("data/store/syncline.mv.db")), "the store is among what was checked");
		assertTrue(Files.list(dir.resolve("logs")).findAny().isPresent(), "the log is among what was checked");
	}

	@Test
	void anOutboxModeOpensTheOutboxToThePickupGroupAndNothingElse() throws Exception {
		String output = ingestAnOrder(Map.of("SYNCLINE_OUTBOX_MODE", "640"));
		Path outbox = dir.resolve("data/outbox");
		List<Path> sent;
		try (Stream<Path> files = Files.walk(outbox)) {
			sent = files.filter(Files::isRegularFile).toList();
		}
		assertTrue(!sent.isEmpty(), "the 997 is in the outbox:\n" + output);
		for (Path file : sent) {
			assertEquals("rw-r-----", mode(file), file.toString());
		}
		assertEquals("rwxr-x---", mode(outbox.resolve("bigbox")));
		assertEquals("rwxr-x---", mode(outbox));
		List<String> open = openToOthers(dir.resolve("data"));
		open.removeIf(path -> path.contains("/outbox"));
		assertEquals(List.of(), open, "the rest stays owner-only");
	}

	@Test
	void aDataDirectoryOthersCanReadIsReportedWithTheFix() throws Exception {
		Path data = Files.createDirectories(dir.resolve("data"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		String output = ingestAnOrder(Map.of());
		assertTrue(output.contains("is open to other users of this machine (rwxr-xr-x): chmod -R go-rwx " + data),
				output);
	}

	/** A BigBox 850 ingested from a shell whose umask is 022; its 997 goes to the outbox. */
	private String ingestAnOrder(Map<String, String> environment) throws Exception {
		Path runtime = product.resolve("syncline-runtime");
		Path order = demo().resolve("samples/edi/bigbox-850-customer-order.edi");
		Map<String, String> env = new java.util.HashMap<>(environment);
		env.put("SYNCLINE_LOG_DIR", dir.resolve("logs").toString());
		try (ProductProcess ingest = ProductProcess.start(Path.of("/bin/sh"), dir.resolve("ingest.log"), env, "-c",
				"umask 022 && exec \"$0\" \"$@\"", runtime.toString(), "--data", dir.resolve("data").toString(),
				"ingest", "--partner", "bigbox", order.toString())) {
			assertEquals(0, ingest.awaitExit(Duration.ofSeconds(120)), ingest.output());
			return ingest.output();
		}
	}

	/** Every path under {@code root} (itself included) that grants anything to its group or to others. */
	private static List<String> openToOthers(Path root) throws Exception {
		List<String> open = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.toList()) {
				for (PosixFilePermission permission : Files.getPosixFilePermissions(path)) {
					if (!permission.name().startsWith("OWNER")) {
						open.add(path + " " + mode(path));
						break;
					}
				}
			}
		}
		return open;
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	private Path demo() throws Exception {
		try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
			return plugins.filter(p -> p.getFileName().toString().startsWith("io.syncline.demo_") && Files.isDirectory(p))
					.findFirst().orElseThrow();
		}
	}
}
