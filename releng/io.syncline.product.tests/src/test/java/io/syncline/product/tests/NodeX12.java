package io.syncline.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * node-x12 (npm), an X12 parser that shares no code with ours, reading what the runtime wrote: installed once per
 * build under {@code target/node-x12} from the npm registry, run with Node.js.
 */
final class NodeX12 {

	private static final String VERSION = "1.7.1";

	private NodeX12() {
	}

	/** The JSON summary node-x12 gives of the file; fails with its message if it refuses the file. */
	static String read(Path x12) throws Exception {
		Path home = Path.of("target", "node-x12").toAbsolutePath();
		if (!Files.isDirectory(home.resolve("node_modules/node-x12"))) {
			Files.createDirectories(home);
			run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", home.toString(), "node-x12@" + VERSION),
					home, 300);
		}
		Path script = home.resolve("node-x12-check.js");
		try (InputStream in = NodeX12.class.getResourceAsStream("/node-x12-check.js")) {
			Files.write(script, in.readAllBytes());
		}
		return run(List.of("node", script.toString(), x12.toString()), home, 60);
	}

	private static String run(List<String> command, Path directory, int seconds) throws Exception {
		Process process;
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
			builder.environment().put("NODE_PATH", directory.resolve("node_modules").toString());
			process = builder.start();
		} catch (IOException e) {
			throw new AssertionError(command.get(0) + " is needed to check X12 with node-x12 (apt-get install nodejs "
					+ "npm): " + e.getMessage(), e);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not end within " + seconds + " s: " + output);
		}
		if (process.exitValue() != 0) {
			throw new AssertionError(String.join(" ", command) + " refused it (exit " + process.exitValue() + "): "
					+ output);
		}
		return output;
	}
}
