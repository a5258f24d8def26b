package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's HTTP walkthrough as it is written, with bash and curl against the installed runtime: a tenant
 * made from the Harbor template, a token, an 855 submitted over HTTP, its exception listed, the journal newest
 * first, another tenant refused with 404, the live events followed, and serve stopped by SIGTERM with exit 0.
 */
class RuntimeApiProductTest {

	private static final String MARKER = "<!-- api-walkthrough -->";

	@TempDir
	Path dir;

	private final Path product = ProductProcess.productDir("syncline.runtime.product");

	@Test
	void theReadmeWalkthroughRunsAsWritten() throws Exception {
		String readme = Files.readString(Path.of(System.getProperty("syncline.readme")), StandardCharsets.UTF_8);
		int at = readme.indexOf(MARKER);
		assertTrue(at >= 0, "the README marks its walkthrough");
		int start = readme.indexOf("```sh\n", at) + 6;
		String script = readme.substring(start, readme.indexOf("```\n", start));
		Path data = Files.createDirectories(dir.resolve("data"));
		Path file = dir.resolve("walkthrough.sh");
		Files.writeString(file, "set -euo pipefail\n" + script);
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Path log = dir.resolve("walkthrough.log");
		ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true)
				.redirectOutput(log.toFile());
		bash.environment().put("R", product.toString());
		bash.environment().put("S", demo().resolve("samples").toString());
		bash.environment().put("DATA", data.toString());
		bash.environment().put("P", Integer.toString(port));
		Process process = bash.start();
		boolean ended = process.waitFor(5, TimeUnit.MINUTES);
		String output = Files.readString(log);
		Files.copy(log, ProductProcess.outputDir().resolve("api-walkthrough.log"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertTrue(ended, "the walkthrough ends:\n" + output);
		assertEquals(0, process.exitValue(), "every step succeeds, serve exits 0 on SIGTERM:\n" + output
				+ "\nserve:\n" + Files.readString(data.resolve("serve.log")));
		assertTrue(output.contains("\"tenantId\" : \"northstar\"") && output.contains("\"template\" : \"harbor\""),
				output);
		assertTrue(output.contains("\"partnerId\":\"acme\"") && output.contains("\"documentType\":\"855\""),
				"the 855 was submitted over HTTP:\n" + output);
		assertTrue(output.contains("\"kind\":\"UNKNOWN_PO\"") && output.contains("never sent"),
				"its exception is listed: the new tenant never sent PO-45001:\n" + output);
		assertTrue(output.lines().anyMatch(line -> line.strip().equals("404")), "another tenant is not found:\n" + output);
		assertTrue(output.contains("event: MESSAGE_RECEIVED") && output.contains("id: "),
				"the event stream carried the submit, with ids:\n" + output);
		assertTrue(output.contains("\"user\":\"dana\"") && output.contains("\"createdBy\":\"nora\""),
				"the ADMIN minted dana's token over HTTP, and it is listed:\n" + output);
		assertTrue(output.contains("\"revokedAt\":\"") && output.lines().anyMatch(l -> l.strip().equals("revoked: 401")),
				"a revoked token is refused from its next use:\n" + output);
		assertTrue(!output.contains("syn_"), "a listing never shows a secret:\n" + output);
		assertTrue(Files.readString(data.resolve("serve.log")).contains("stopped cleanly"));
		assertTrue(!Files.readString(data.resolve("serve.log")).contains("syn_"), "a token is never logged");
	}

	private Path demo() throws IOException {
		try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
			return plugins.filter(p -> p.getFileName().toString().startsWith("io.syncline.demo_") && Files.isDirectory(p))
					.findFirst().orElseThrow(() -> new AssertionError("the demo bundle ships as a folder"));
		}
	}
}
