package io.syncline.runtime.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.syncline.runtime.api.Tenant;

/**
 * An {@link Inbox} for every tenant of a runtime's store, so a tenant made from a template receives files the way
 * its template does: the runtime's own tenant under {@code <data>/inbox/<partner>/} as before, any other under
 * {@code <data>/tenants/<tenant>/inbox/<partner>/}, each with its own processing, archive and failed folders. A
 * tenant created while the runtime runs gets its folders at the next {@link #poll()}.
 */
public final class TenantInboxes {

	private final LocalRuntime root;
	private final Path dataDirectory;
	private final Duration settle;
	private final Map<String, Inbox> inboxes = new LinkedHashMap<>();
	private final PartnerLanes lanes;

	/** @param root the runtime of the store's own tenant, acting for every tenant */
	public TenantInboxes(LocalRuntime root, Path dataDirectory, Duration settle) {
		this(root, dataDirectory, settle, PartnerLanes.DIRECT);
	}

	/** As above, every partner's work of every tenant run in {@code lanes}. */
	public TenantInboxes(LocalRuntime root, Path dataDirectory, Duration settle, PartnerLanes lanes) {
		this.root = root;
		this.dataDirectory = dataDirectory;
		this.settle = settle;
		this.lanes = lanes;
	}

	/** Where a tenant's inbox, processing, archive and failed folders are. */
	public Path directoryOf(String tenantId) {
		return tenantId.equals(root.tenantId()) ? dataDirectory : dataDirectory.resolve("tenants").resolve(tenantId);
	}

	/** The tenant's inbox folder for a partner. */
	public Path folder(String tenantId, String partner) {
		return directoryOf(tenantId).resolve("inbox").resolve(partner);
	}

	/**
	 * Takes on the tenants not watched yet: creates their partners' folders and finishes the files claimed before a
	 * stop. Returns what was recovered.
	 */
	public synchronized List<Inbox.Pickup> refresh() throws IOException {
		List<Inbox.Pickup> recovered = new ArrayList<>();
		for (Tenant tenant : root.tenants()) {
			if (!inboxes.containsKey(tenant.tenantId())) {
				Inbox inbox = new Inbox(root.forTenant(tenant.tenantId()), directoryOf(tenant.tenantId()), settle,
						lanes);
				inbox.createFolders();
				recovered.addAll(inbox.recover());
				inboxes.put(tenant.tenantId(), inbox);
			}
		}
		return recovered;
	}

	/** Every configured partner's inbox folder of every tenant taken on, for an {@link InboxWatch}. */
	public synchronized List<Path> partnerFolders() {
		List<Path> folders = new ArrayList<>();
		for (Inbox inbox : inboxes.values()) {
			folders.addAll(inbox.partnerFolders());
		}
		return folders;
	}

	/** What a poll picked up, by tenant, and why the poll of a tenant failed, if it did. */
	public record Polled(Map<String, List<Inbox.Pickup>> picked, Map<String, String> failures) {
	}

	/**
	 * Picks up the settled files of every tenant. A tenant whose poll fails (its folder unreadable) does not hold up
	 * the others; its files are tried again at the next poll.
	 */
	public synchronized Polled poll() throws IOException {
		refresh();
		Map<String, List<Inbox.Pickup>> picked = new LinkedHashMap<>();
		Map<String, String> failures = new LinkedHashMap<>();
		for (Map.Entry<String, Inbox> inbox : inboxes.entrySet()) {
			try {
				List<Inbox.Pickup> files = inbox.getValue().poll();
				if (!files.isEmpty()) {
					picked.put(inbox.getKey(), files);
				}
			} catch (IOException | io.syncline.runtime.api.RuntimeFailure e) {
				failures.put(inbox.getKey(), e.getMessage());
			}
		}
		return new Polled(picked, failures);
	}
}
