package io.syncline.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.engine.ChunkSettings;
import io.syncline.engine.FatalProcessingError;
import io.syncline.engine.Ingestion;
import io.syncline.engine.ProgressListener;
import io.syncline.store.Checkpoints;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

/**
 * A file too large to hold: journaled as a stream in pieces, mapped as a stream, applied in chunks that each commit
 * the message's checkpoint, and resumed after a crash from that checkpoint with every record applied once. Small
 * samples take the large-file path here by lowering the size it starts at. Run on H2 and on PostgreSQL.
 */
abstract class LargeFileContract {

	private static final String TENANT = "harbor";
	private static final int ROWS = 600;
	private static final int CHUNK = 50;

	@TempDir
	Path dir;

	protected Store store;

	protected abstract Store open() throws Exception;

	@BeforeEach
	void openStore() throws Exception {
		store = open();
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	private static Path demo(String relative) {
		return Path.of(System.getProperty("syncline.demo")).resolve(relative);
	}

	private Ingestion ingestion(ProgressListener listener) throws Exception {
		Ingestion ingestion = new Ingestion(store, demo("mappings"), TENANT, new BigDecimal("2"));
		ingestion.chunks(new ChunkSettings(CHUNK, listener));
		return ingestion;
	}

	/**
	 * A Bolt & Co catalog of {@link #ROWS} rows: the sample's twelve SKUs over and over, so every row maps, and two
	 * rows with a column missing, at lines 101 and 402.
	 */
	private Path catalog() throws Exception {
		List<String> sample = Files.readAllLines(demo("samples/boltco-catalog.csv"));
		List<String> lines = new ArrayList<>();
		lines.add(sample.get(0));
		for (int row = 0; row < ROWS; row++) {
			int line = row + 2;
			lines.add(line == 101 || line == 402 ? "BC-001000,040000000000,short row" : sample.get(1 + row % 12));
		}
		Path file = dir.resolve("boltco-catalog-large.csv");
		Files.write(file, lines);
		return file;
	}

	private long claims(long message) throws Exception {
		try (Connection connection = store.connection(); PreparedStatement query = connection.prepareStatement(
				"SELECT COUNT(*) FROM idempotency_keys WHERE tenant_id = ? AND key_value LIKE ?")) {
			query.setString(1, TENANT);
			query.setString(2, "supplier-item/" + message + "/%");
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private long checkpointRecords(long message) throws Exception {
		return new JournalSearch(store).get(TENANT, message).orElseThrow().checkpointRecords();
	}

	@Test
	void aLargeCatalogIsJournaledInPiecesAndAppliedInChunksAsASmallOneIs() throws Exception {
		ingestion(ProgressListener.NONE).ingest("erp", demo("samples/erp-items.csv"));
		Path file = catalog();
		List<long[]> progress = new ArrayList<>();
		Ingestion large = ingestion((message, name, records, bytes, total) -> progress.add(new long[] { records, bytes, total }));
		large.streamFrom(1);

		Ingestion.Result result = large.ingest("boltco", file);

		assertEquals("PARTIAL", result.status(), result.toString());
		assertEquals(ROWS, result.records());
		assertEquals(2, result.outcomes().get("MAPPING_ERROR"));
		assertEquals(12, result.outcomes().get("APPLIED"), result.outcomes().toString());
		assertEquals(ROWS - 14, result.outcomes().get("UNCHANGED"), result.outcomes().toString());
		assertTrue(result.problems().get(0).contains("line 101") && result.problems().get(1).contains("line 402"),
				result.problems().toString());
		assertEquals(ROWS - 2, claims(result.messageId()), "a claim for each record that mapped");

		MessageJournal journal = new MessageJournal(store);
		Checkpoints checkpoints = new Checkpoints(store);
		MessageJournal.PayloadInfo info = journal.payloadInfo(TENANT, result.messageId());
		assertTrue(info.streamed(), "stored in pieces");
		assertEquals(Files.size(file), info.size());
		try (InputStream stored = journal.openPayload(TENANT, result.messageId())) {
			assertArrayEquals(Files.readAllBytes(file), stored.readAllBytes(), "the bytes as received");
		}
		assertEquals(ROWS, checkpointRecords(result.messageId()), "the last chunk's checkpoint, kept");
		assertEquals(0, checkpoints.checkpointOf(TENANT, result.messageId()).records(),
				"a finished message resumed for a retry goes through from the start");
		assertEquals(ROWS / CHUNK, progress.size(), "progress after every chunk");
		for (int i = 0; i < progress.size(); i++) {
			assertEquals((i + 1L) * CHUNK, progress.get(i)[0]);
			assertTrue(i == 0 || progress.get(i)[1] >= progress.get(i - 1)[1], "bytes read only grow");
			assertEquals(Files.size(file), progress.get(i)[2]);
		}

		// the same file held in memory and applied record by record ends the same way
		Ingestion.Result small = ingestion(ProgressListener.NONE).ingest("boltco", file);
		assertFalse(journal.payloadInfo(TENANT, small.messageId()).streamed());
		assertEquals(ROWS, small.records());
		assertEquals(2, small.outcomes().get("MAPPING_ERROR"));
		assertEquals(ROWS - 2, small.outcomes().get("UNCHANGED"), "the large file applied every cost already");
	}

	/** Stands for the process dying (out of memory, a kill) right after a chunk committed. */
	private static final class Crash extends Error {
		private static final long serialVersionUID = 1L;

		Crash() {
			super("simulated crash");
		}
	}

	@Test
	void aCrashMidWayResumesFromTheCheckpointAndAppliesEveryRecordOnce() throws Exception {
		ingestion(ProgressListener.NONE).ingest("erp", demo("samples/erp-items.csv"));
		Path file = catalog();
		int crashAfterChunks = 3;
		int[] chunks = { 0 };
		Ingestion crashing = ingestion((message, name, records, bytes, total) -> {
			if (++chunks[0] == crashAfterChunks) {
				throw new Crash();
			}
		});
		crashing.streamFrom(1);

		FatalProcessingError fatal = assertThrows(FatalProcessingError.class, () -> crashing.ingest("boltco", file));

		long message = fatal.messageId();
		assertTrue(fatal.getMessage().startsWith("message " + message + " (boltco-catalog-large.csv, record 150)"),
				fatal.getMessage());
		MessageJournal journal = new MessageJournal(store);
		Checkpoints checkpoints = new Checkpoints(store);
		assertEquals(crashAfterChunks * CHUNK, checkpoints.checkpointOf(TENANT, message).records());
		assertEquals(crashAfterChunks * CHUNK - 1, claims(message), "the chunks committed, one row among them short");
		Checkpoints.Resume resume = checkpoints.countResume(TENANT, message, 3);
		assertEquals("Crash: simulated crash at record 150", resume.lastError());

		Ingestion.Result resumed = ingestion(ProgressListener.NONE).resume(message);

		assertEquals("PARTIAL", resumed.status(), resumed.toString());
		assertEquals(crashAfterChunks * CHUNK, resumed.outcomes().get("DONE_BEFORE_RESUME"));
		assertEquals(null, resumed.outcomes().get("ALREADY_APPLIED"), "no record applied twice");
		assertEquals(1, resumed.outcomes().get("MAPPING_ERROR"), "the short row of line 402, once");
		assertEquals(ROWS - 2, claims(message), "every record that maps applied, none skipped");
		assertEquals(ROWS, checkpointRecords(message));
	}

	@Test
	void resumesAreCountedUntilTheCheckpointMoves() throws Exception {
		ingestion(ProgressListener.NONE).ingest("erp", demo("samples/erp-items.csv"));
		Ingestion crashing = ingestion((message, name, records, bytes, total) -> {
			throw new Crash();
		});
		crashing.streamFrom(1);
		long message = assertThrows(FatalProcessingError.class, () -> crashing.ingest("boltco", catalog())).messageId();
		Checkpoints checkpoints = new Checkpoints(store);

		assertEquals(0, checkpoints.countResume(TENANT, message, 3).resumes(), "never resumed");
		assertEquals(1, checkpoints.countResume(TENANT, message, 3).resumes());
		assertEquals(2, checkpoints.countResume(TENANT, message, 3).resumes());
		assertEquals(3, checkpoints.countResume(TENANT, message, 3).resumes(), "three resumes without progress");
		assertEquals(3, checkpoints.countResume(TENANT, message, 3).resumes(), "past the limit it is not counted on");

		try (Connection connection = store.connection()) {
			checkpoints.checkpoint(connection, TENANT, message, CHUNK * 2, 1000);
			connection.commit();
		}
		assertEquals(0, checkpoints.countResume(TENANT, message, 3).resumes(), "the checkpoint moved: counting starts again");
		assertEquals(1, checkpoints.countResume(TENANT, message, 3).resumes());
	}
}
