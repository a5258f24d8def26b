package io.syncline.runtime.local;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the inbox that something arrived in a partner's folder, so a file is taken as soon as it has settled
 * instead of at the next poll: with polls a second apart, an order renamed into the inbox would otherwise wait up to
 * a second before its settle time even starts. Polling stays the safety net (a folder on a network file system sends
 * no events, and an event can be lost when the kernel's queue overflows), so a folder that cannot be watched is
 * logged once and left to the polls.
 */
public final class InboxWatch implements Closeable {

	private static final Logger LOG = LoggerFactory.getLogger(InboxWatch.class);

	private final WatchService service;
	private final Runnable onArrival;
	private final Map<Path, WatchKey> watched = new ConcurrentHashMap<>();
	private final Thread listener;
	private boolean refusedOnce;

	/** Starts listening; {@code onArrival} runs on the listener's thread, once per batch of events. */
	public InboxWatch(Runnable onArrival) throws IOException {
		this.service = FileSystems.getDefault().newWatchService();
		this.onArrival = onArrival;
		this.listener = new Thread(this::listen, "syncline-inbox-watch");
		listener.setDaemon(true);
		listener.start();
	}

	/** Watches the folders not watched yet; one that cannot be watched is left to the polls. */
	public synchronized void watch(Collection<Path> folders) {
		for (Path folder : folders) {
			WatchKey key = watched.get(folder);
			if (key != null && key.isValid()) {
				continue;
			}
			try {
				// a file renamed in is a create; one written in place goes on being modified until it settles
				watched.put(folder, folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
						StandardWatchEventKinds.ENTRY_MODIFY));
			} catch (IOException e) {
				watched.remove(folder);
				if (!refusedOnce) {
					refusedOnce = true;
					LOG.warn("{} cannot be watched ({}); its files are taken at each poll instead", folder,
							e.getMessage());
				}
			}
		}
	}

	/** How many folders are watched now. */
	public int watchedFolders() {
		return (int) watched.values().stream().filter(WatchKey::isValid).count();
	}

	private void listen() {
		try {
			while (true) {
				WatchKey key = service.take();
				key.pollEvents(); // which file does not matter: the poll lists the folder
				if (!key.reset()) {
					watched.values().remove(key); // the folder went away
				}
				try {
					onArrival.run();
				} catch (RuntimeException e) {
					LOG.warn("the inbox could not be woken: {}", e.getMessage());
				}
			}
		} catch (ClosedWatchServiceException | InterruptedException e) {
			// closed
		}
	}

	@Override
	public void close() throws IOException {
		service.close();
		listener.interrupt();
	}
}
