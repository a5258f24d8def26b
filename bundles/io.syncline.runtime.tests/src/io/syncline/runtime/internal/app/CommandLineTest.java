package io.syncline.runtime.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommandLineTest {

	private static final Path HOME = Path.of("/home/ops");

	@Test
	void dataOptionComesBeforeTheCommandAndTheRestBelongsToIt() {
		CommandLine line = CommandLine.parse(List.of("--data", "/srv/syncline", "ingest", "--partner", "acme", "a.edi"),
				Map.of(), HOME);
		assertEquals(Path.of("/srv/syncline"), line.dataDirectory());
		assertEquals("ingest", line.command());
		assertEquals(List.of("--partner", "acme", "a.edi"), line.commandArgs());
	}

	@Test
	void dataDefaultsToEnvironmentThenHome() {
		assertEquals(Path.of("/var/lib/syncline"),
				CommandLine.parse(List.of("serve"), Map.of("SYNCLINE_DATA", "/var/lib/syncline"), HOME).dataDirectory());
		assertEquals(Path.of("/home/ops/.syncline/data"),
				CommandLine.parse(List.of("serve"), Map.of(), HOME).dataDirectory());
	}

	@Test
	void noCommandMeansNoCommandAndHelpMeansHelp() {
		assertNull(CommandLine.parse(List.of(), Map.of(), HOME).command());
		CommandLine help = CommandLine.parse(List.of("--help"), Map.of(), HOME);
		assertEquals("help", help.command());
		assertTrue(help.helpRequested());
	}

	@Test
	void dataWithoutDirectoryAndUnknownGlobalOptionsAreRejected() {
		var missing = assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(List.of("--data"), Map.of(), HOME));
		assertTrue(missing.getMessage().contains("--data needs a directory"));
		var unknown = assertThrows(IllegalArgumentException.class,
				() -> CommandLine.parse(List.of("--verbose", "serve"), Map.of(), HOME));
		assertTrue(unknown.getMessage().contains("'--verbose'"));
	}
}
