package io.syncline.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.service.component.annotations.Component;

import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.OwnerOnly;
import io.syncline.runtime.cli.RuntimeCommand;
import io.syncline.store.Store;

/**
 * {@code restore --from FILE}: a backup made by {@code backup} into a data directory that has no store yet; the
 * store is opened once (migrated, if the backup is of an older release) and what it holds is counted.
 */
@Component(service = RuntimeCommand.class)
public final class RestoreCommand implements RuntimeCommand {

	private static final String STORE_FILE = "syncline.mv.db";

	@Override
	public String name() {
		return "restore";
	}

	@Override
	public String summary() {
		return "restore --from FILE: a backup into a data directory without a store";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("from"), Set.of());
		if (!options.positional().isEmpty()) {
			throw new IllegalArgumentException("restore --from FILE");
		}
		Path backup = Path.of(options.require("from")).toAbsolutePath();
		if (!Files.isRegularFile(backup)) {
			throw new IllegalArgumentException("no backup " + backup);
		}
		Path storeDirectory = context.dataDirectory().resolve("store");
		Path storeFile = storeDirectory.resolve(STORE_FILE);
		if (Files.exists(storeFile)) {
			err.println("the data directory " + context.dataDirectory() + " already has a store: restore into a new "
					+ "data directory (--data), or move " + storeDirectory + " aside first");
			return FAILED;
		}
		OwnerOnly.prepare(storeDirectory);
		Path aside = storeDirectory.resolve(STORE_FILE + ".restoring");
		if (!extract(backup, aside)) {
			Files.deleteIfExists(aside);
			err.println(backup + " is not a Syncline backup: it holds no " + STORE_FILE);
			return FAILED;
		}
		Files.move(aside, storeFile, StandardCopyOption.ATOMIC_MOVE);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("restored", storeFile.toString());
		try (Store store = Store.openH2(context.dataDirectory())) {
			for (String table : List.of("messages", "exceptions", "audit_log", "tenants")) {
				result.put(table, count(store, table));
			}
		}
		out.println(Json.write(result));
		return OK;
	}

	/** The store file of the zip into {@code target}; false if the zip has none. */
	private static boolean extract(Path backup, Path target) throws IOException {
		try (InputStream file = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(file)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (Path.of(entry.getName()).getFileName().toString().equals(STORE_FILE)) {
					Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
					return true;
				}
			}
		} catch (java.util.zip.ZipException notAZip) {
			return false;
		}
		return false;
	}

	private static long count(Store store, String table) throws java.sql.SQLException {
		return store.read(connection -> {
			try (Statement query = connection.createStatement();
					ResultSet row = query.executeQuery("SELECT COUNT(*) FROM " + table)) {
				row.next();
				return row.getLong(1);
			}
		});
	}
}
