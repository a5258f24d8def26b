package io.syncline.runtime.local;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.engine.Ingestion;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.store.InboxClaims;

/**
 * Per-partner inbox folders: {@code <data>/inbox/<partner>/FILE}. A file is claimed by an atomic move into
 * {@code processing/<partner>/} under a claim id, submitted with that claim id as its INBOX business key, and then
 * moved to {@code archive/<partner>/<date>/} (or {@code failed/<partner>/} when it did not apply cleanly: the file
 * is kept, and its exceptions are in the queue). If the runtime dies mid-file, the claimed file is still in
 * {@code processing}; {@link #recover()} finds by the claim id whether it was journaled, and resumes or submits it,
 * so no file is lost and none is taken twice. Files still being written are left alone: names starting with a dot
 * or ending in {@code .part} or {@code .tmp}, and files changed within the settle time.
 */
public final class Inbox {

	private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
	private static final String CLAIM_SEPARATOR = "__";

	/** What happened to one file. */
	public record Pickup(String partner, String file, String claimId, SubmitResult result, Path keptAt) {
	}

	private final LocalRuntime runtime;
	private final Path root;
	private final Duration settle;
	private final PartnerLanes lanes;
	private volatile List<Path> partnerFolders = List.of();

	public Inbox(LocalRuntime runtime, Path dataDirectory, Duration settle) {
		this(runtime, dataDirectory, settle, PartnerLanes.DIRECT);
	}

	/** An inbox whose partners' work runs in {@code lanes}. */
	public Inbox(LocalRuntime runtime, Path dataDirectory, Duration settle, PartnerLanes lanes) {
		this.runtime = runtime;
		this.root = dataDirectory;
		this.settle = settle;
		this.lanes = lanes;
	}

	public Path folder(String partner) {
		return root.resolve("inbox").resolve(partner);
	}

	/** Creates the inbox folder of every configured partner, so partners know where to drop files. */
	public void createFolders() throws IOException {
		List<Path> folders = new ArrayList<>();
		for (var partner : runtime.partners()) {
			folders.add(Files.createDirectories(folder(partner.partnerId())));
		}
		partnerFolders = List.copyOf(folders);
	}

	/** The configured partners' inbox folders, as the last poll (or {@link #createFolders()}) made them. */
	public List<Path> partnerFolders() {
		return partnerFolders;
	}

	/** Finishes files claimed before a stop: resumed if journaled, submitted if not; then kept as usual. */
	public List<Pickup> recover() throws IOException {
		List<Pickup> recovered = new ArrayList<>();
		Path processing = root.resolve("processing");
		if (!Files.isDirectory(processing)) {
			return recovered;
		}
		try (DirectoryStream<Path> partners = Files.newDirectoryStream(processing, Files::isDirectory)) {
			for (Path partnerFolder : partners) {
				String partner = partnerFolder.getFileName().toString();
				try (DirectoryStream<Path> claimed = Files.newDirectoryStream(partnerFolder)) {
					for (Path file : claimed) {
						String name = file.getFileName().toString();
						int cut = name.indexOf(CLAIM_SEPARATOR);
						if (cut < 0) {
							continue;
						}
						String claimId = name.substring(0, cut);
						String original = name.substring(cut + CLAIM_SEPARATOR.length());
						InboxClaims.Abandons abandons = runtime.operations().abandonsOf(claimId);
						SubmitResult result = abandons.count() >= ABANDONS_BEFORE_QUARANTINE
								? runtime.operations().quarantineClaim(partner, original, claimId, file, abandons)
								: runtime.operations().finishClaim(claimId)
										.orElseGet(() -> submit(partner, original, claimId, file));
						recovered.add(keep(partner, original, claimId, file, result));
					}
				}
			}
		}
		return recovered;
	}

	/**
	 * A claim whose work was abandoned on this many runs is set aside at the next start, as a message that stopped
	 * the runtime on as many starts is.
	 */
	static final int ABANDONS_BEFORE_QUARANTINE = 3;

	/** At most this many files of one partner go into one transaction. */
	private static final int BATCH = 100;

	/**
	 * Claims, submits and keeps every settled file of every partner's inbox, in the order they arrived (oldest
	 * first, across partners): a supplier's acknowledgment dropped after the purchase order it answers applies after
	 * it, as it would have through {@code ingest}. The consecutive files of one partner go together, up to a batch
	 * in one transaction. A partner configured since the last poll gets its folder here.
	 */
	public List<Pickup> poll() throws IOException {
		createFolders();
		List<Pickup> picked = new ArrayList<>();
		Path inbox = root.resolve("inbox");
		if (!Files.isDirectory(inbox)) {
			return picked;
		}
		Instant settledBefore = Instant.now().minus(settle);
		List<Arrived> arrived = new ArrayList<>();
		Arrived frontier = null; // a partner with more files than a poll takes: none that came after its last is taken
		try (DirectoryStream<Path> partners = Files.newDirectoryStream(inbox, Files::isDirectory)) {
			for (Path partnerFolder : partners) {
				List<Arrived> files = settledFiles(partnerFolder, settledBefore);
				if (files.size() > PER_POLL) {
					files = files.subList(0, PER_POLL);
					Arrived last = files.get(PER_POLL - 1);
					frontier = frontier == null || ARRIVAL.compare(last, frontier) < 0 ? last : frontier;
				}
				arrived.addAll(files);
			}
		}
		if (frontier != null) {
			Arrived until = frontier;
			arrived.removeIf(file -> ARRIVAL.compare(file, until) > 0);
		}
		arrived.sort(ARRIVAL);
		for (int from = 0; from < arrived.size();) {
			String partner = arrived.get(from).partner();
			int to = from;
			while (to < arrived.size() && arrived.get(to).partner().equals(partner)) {
				to++;
			}
			picked.addAll(inLane(partner, arrived.subList(from, to).stream().map(Arrived::file).toList()));
			from = to;
		}
		return picked;
	}

	/** A partner's settled files, a batch at a time, in the partner's lane. */
	private List<Pickup> inLane(String partner, List<Path> files) throws IOException {
		String what = files.size() + " file(s) from " + files.get(0).getFileName();
		try {
			return lanes.run(runtime.tenantId(), partner, what, () -> {
				List<Pickup> picked = new ArrayList<>();
				for (int from = 0; from < files.size(); from += BATCH) {
					picked.addAll(submitTogether(partner, files.subList(from, Math.min(files.size(), from + BATCH))));
				}
				return picked;
			}).orElse(List.of());
		} catch (IOException | RuntimeException e) {
			throw e;
		} catch (Exception e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/**
	 * Claims the files, submits what was claimed in one batch, and keeps each beside its outcome. A file too large to
	 * hold goes alone, as a stream; the files before it are submitted first, so a partner's files apply in the order
	 * they came.
	 */
	private List<Pickup> submitTogether(String partner, List<Path> files) throws IOException {
		Batch batch = new Batch(partner);
		List<Pickup> picked = new ArrayList<>();
		for (Path file : files) {
			String claimId = UUID.randomUUID().toString();
			Path claimed = claim(partner, file, claimId);
			if (claimed == null) {
				continue;
			}
			runtime.workers().current().ifPresent(unit -> unit.hold(claimId)); // counted if the unit is abandoned
			String name = file.getFileName().toString();
			if (Files.size(claimed) >= runtime.operations().streamFrom()) {
				picked.addAll(batch.submit());
				picked.add(keep(partner, name, claimId, claimed,
						runtime.operations().submitFile(partner, null, name, claimed, Map.of("INBOX", claimId))));
			} else {
				batch.add(new Ingestion.Document(partner, null, name, Files.readAllBytes(claimed),
						Map.of("INBOX", claimId)), claimId, claimed);
			}
		}
		picked.addAll(batch.submit());
		return picked;
	}

	/** Claimed files waiting to be submitted together. */
	private final class Batch {
		private final String partner;
		private final List<Ingestion.Document> documents = new ArrayList<>();
		private final List<Path> claimedFiles = new ArrayList<>();
		private final List<String> claimIds = new ArrayList<>();

		Batch(String partner) {
			this.partner = partner;
		}

		void add(Ingestion.Document document, String claimId, Path claimed) {
			documents.add(document);
			claimIds.add(claimId);
			claimedFiles.add(claimed);
		}

		/** Submits what waits, in one transaction, and keeps each file; empties the batch. */
		List<Pickup> submit() throws IOException {
			List<Pickup> picked = new ArrayList<>();
			if (documents.isEmpty()) {
				return picked;
			}
			List<SubmitResult> results = runtime.operations().submitClaimed(documents);
			for (int i = 0; i < results.size(); i++) {
				picked.add(keep(partner, documents.get(i).sourceName(), claimIds.get(i), claimedFiles.get(i),
						results.get(i)));
			}
			documents.clear();
			claimIds.clear();
			claimedFiles.clear();
			return picked;
		}
	}

	/** Files taken per partner in one poll, oldest first: a backlog of 100,000 files is worked off poll by poll. */
	private static final int PER_POLL = 2_000;

	private record Arrived(String partner, Path file, FileTime modified) {
	}

	private static final Comparator<Arrived> ARRIVAL = Comparator.comparing(Arrived::modified)
			.thenComparing(a -> a.file().getFileName().toString()).thenComparing(Arrived::partner);

	private static List<Arrived> settledFiles(Path folder, Instant settledBefore) throws IOException {
		String partner = folder.getFileName().toString();
		List<Arrived> files = new ArrayList<>();
		try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
			for (Path file : listing) {
				String name = file.getFileName().toString();
				if (io.syncline.transport.TemporaryNames.temporary(name)) {
					continue;
				}
				try {
					BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
					if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(settledBefore)) {
						files.add(new Arrived(partner, file, attributes.lastModifiedTime()));
					}
				} catch (NoSuchFileException e) {
					// claimed by another runtime meanwhile
				}
			}
		}
		files.sort(ARRIVAL);
		return files.size() > PER_POLL ? files.subList(0, PER_POLL + 1) : files; // one more tells it was cut
	}

	/** The atomic move that makes a file ours; null if another runtime was faster. */
	private Path claim(String partner, Path file, String claimId) throws IOException {
		Path folder = root.resolve("processing").resolve(partner);
		Files.createDirectories(folder);
		Path claimed = folder.resolve(claimId + CLAIM_SEPARATOR + file.getFileName());
		try {
			return Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
		} catch (NoSuchFileException e) {
			return null;
		} catch (AtomicMoveNotSupportedException e) {
			throw new IOException("the inbox and the processing folder must be on one file system: " + e.getMessage(), e);
		}
	}

	private SubmitResult submit(String partner, String name, String claimId, Path claimed) {
		return runtime.operations().submitFile(partner, null, name, claimed, Map.of("INBOX", claimId));
	}

	/** Archives a clean file by day, or keeps a failed one in failed/ beside its exceptions. */
	private Pickup keep(String partner, String name, String claimId, Path claimed, SubmitResult result)
			throws IOException {
		Path folder = result.clean()
				? root.resolve("archive").resolve(partner).resolve(LocalDate.now(ZoneOffset.UTC).toString())
				: root.resolve("failed").resolve(partner);
		Files.createDirectories(folder);
		Path kept = folder.resolve(result.messageId() + "-" + name);
		try {
			Files.move(claimed, kept, StandardCopyOption.ATOMIC_MOVE);
		} catch (FileAlreadyExistsException e) {
			kept = folder.resolve(result.messageId() + "-" + claimId + "-" + name);
			Files.move(claimed, kept, StandardCopyOption.ATOMIC_MOVE);
		}
		if (!result.clean()) {
			LOG.warn("{} from {} did not apply cleanly (message {}): kept as {}", name, partner, result.messageId(), kept);
		}
		return new Pickup(partner, name, claimId, result, kept);
	}
}
