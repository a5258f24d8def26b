package io.syncline.ui.tests;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import io.syncline.runtime.api.Role;
import io.syncline.runtime.local.DemoTenant;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.runtime.server.RuntimeServer;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.store.Store;

/**
 * The Harbor runtime served on loopback in a JVM of its own, as a support desk's console meets it: a runtime on
 * another machine, whose traffic, collector and database are not the console's. {@link RuntimeProcess} starts it
 * and speaks to it over stdin and stdout, one line each way: {@code ready <url> <token>} once it serves, then
 * {@code traffic <events/s> <seconds>} answered by {@code sent <events> <seconds> <newest id>}, and {@code quit}.
 */
public final class SeparateRuntime {

	private SeparateRuntime() {
	}

	public static void main(String[] args) throws Exception {
		// stdout is the protocol's; whatever logs to the console (Logback unconfigured does) goes to the log
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		System.setOut(System.err);
		Path dir = Path.of(args[0]);
		Path demo = Path.of(args[1]);
		try (Store store = Store.openH2(dir.resolve("db"));
				LocalRuntime local = LocalRuntime.over(store,
						LocalSettings.harbor(dir.resolve("data"), demo.resolve("mappings")))) {
			DemoTenant.loadIfEmpty(local, demo);
			try (RuntimeServer server = RuntimeServer.start(ServerSettings.loopback(0), local, "9.9.9-test")) {
				String token = local.accessTokens().create("harbor", "support", Role.OPERATOR, Duration.ofHours(1))
						.secret();
				out.println("ready " + server.url() + " " + token);
				BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
				LiveTraffic traffic = new LiveTraffic(local, "wms");
				for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
					String[] words = line.split(" ");
					if (!words[0].equals("traffic")) {
						out.println("failed: what is '" + line + "'?");
						continue;
					}
					LiveTraffic.Sent sent = traffic.run(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
					out.println(String.format(Locale.ROOT, "sent %d %.3f %d", sent.events(), sent.seconds(),
							sent.newest()));
				}
			}
		} catch (Exception e) {
			out.println("failed: " + e);
			System.exit(1);
		}
	}
}
