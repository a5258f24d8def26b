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

	public Inbox(LocalRuntime runtime, Path dataDirectory, Duration settle) {
		this.runtime = runtime;
		this.root = dataDirectory;
		this.settle = settle;
	}

	public Path folder(String partner) {
		return root.resolve("inbox").resolve(partner);
	}

	/** Creates the inbox folder of every configured partner, so partners know where to drop files. */
	public void createFolders() throws IOException {
		for (var partner : runtime.partners()) {
			Files.createDirectories(folder(partner.partnerId()));
		}
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
						SubmitResult result = runtime.operations().finishClaim(claimId)
								.orElseGet(() -> submit(partner, original, claimId, file));
						recovered.add(keep(partner, original, claimId, file, result));
					}
				}
			}
		}
		return recovered;
	}

	/** At most this many files of one partner go into one transaction. */
	private static final int BATCH = 100;

	/**
	 * Claims, submits and keeps every settled file of every partner's inbox, oldest first per partner. A partner
	 * configured since the last poll gets its folder here.
	 */
	public List<Pickup> poll() throws IOException {
		createFolders();
		List<Pickup> picked = new ArrayList<>();
		Path inbox = root.resolve("inbox");
		if (!Files.isDirectory(inbox)) {
			return picked;
		}
		Instant settledBefore = Instant.now().minus(settle);
		try (DirectoryStream<Path> partners = Files.newDirectoryStream(inbox, Files::isDirectory)) {
			for (Path partnerFolder : partners) {
				String partner = partnerFolder.getFileName().toString();
				List<Path> files = settledFiles(partnerFolder, settledBefore);
				for (int from = 0; from < files.size(); from += BATCH) {
					picked.addAll(submitTogether(partner, files.subList(from, Math.min(files.size(), from + BATCH))));
				}
			}
		}
		return picked;
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

	private record Arrived(Path file, FileTime modified) {
	}

	private static List<Path> settledFiles(Path folder, Instant settledBefore) throws IOException {
		List<Arrived> files = new ArrayList<>();
		try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
			for (Path file : listing) {
				String name = file.getFileName().toString();
				if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp")) {
					continue;
				}
				try {
					BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
					if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(settledBefore)) {
						files.add(new Arrived(file, attributes.lastModifiedTime()));
					}
				} catch (NoSuchFileException e) {
					// claimed by another runtime meanwhile
				}
			}
		}
		files.sort(Comparator.comparing(Arrived::modified).thenComparing(a -> a.file().getFileName().toString()));
		return files.stream().limit(PER_POLL).map(Arrived::file).toList();
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
