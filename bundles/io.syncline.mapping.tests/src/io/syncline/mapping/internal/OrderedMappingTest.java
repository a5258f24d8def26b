package io.syncline.mapping.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.syncline.formats.Node;
import io.syncline.formats.Problem;
import io.syncline.formats.SourceLocation;
import io.syncline.mapping.MapOutcome;

/** Records mapped on several threads reach the sink in source order, on the caller's thread, problems in place. */
class OrderedMappingTest {

	private final ExecutorService pool = Executors.newFixedThreadPool(3);
	private final Set<String> mappingThreads = ConcurrentHashMap.newKeySet();

	@AfterEach
	void stopPool() {
		pool.shutdownNow();
	}

	/** Maps a record to an outcome located at its line, taking longer for some records than others. */
	private Function<Node, MapOutcome> byLine() {
		return record -> {
			mappingThreads.add(Thread.currentThread().getName());
			long line = record.location().line();
			if (line % 7 == 0) {
				long until = System.nanoTime() + 20_000;
				while (System.nanoTime() < until) {
					Thread.onSpinWait();
				}
			}
			return new MapOutcome(record.location(), record.value(), List.of(), false);
		};
	}

	private static Node record(long line) {
		return new Node("row", "value " + line, SourceLocation.ofLine("big.csv", line));
	}

	private static MapOutcome problemAt(long line) {
		SourceLocation at = SourceLocation.ofLine("big.csv", line);
		return new MapOutcome(at, null, List.of(Problem.error("CSV_FIELD_COUNT", at, "short row")), false);
	}

	@Test
	void outcomesKeepSourceOrderWhileHelpersMap() {
		List<MapOutcome> seen = new ArrayList<>();
		Thread caller = Thread.currentThread();
		OrderedMapping ordered = new OrderedMapping(byLine(), outcome -> {
			assertSame(caller, Thread.currentThread(), "the sink is called on the caller's thread only");
			seen.add(outcome);
		}, pool, 2);
		int lines = 20_000;
		for (long line = 1; line <= lines; line++) {
			if (line % 1000 == 0) {
				ordered.ready(problemAt(line));
			} else {
				ordered.map(record(line));
			}
		}
		ordered.finish();

		assertEquals(lines, seen.size());
		for (int i = 0; i < lines; i++) {
			MapOutcome outcome = seen.get(i);
			assertEquals(i + 1, outcome.record().line(), "outcome " + i + " out of order");
			assertEquals((i + 1) % 1000 == 0, outcome.failed(), "the problem keeps its place at line " + (i + 1));
			if (!outcome.failed()) {
				assertEquals("value " + (i + 1), outcome.output());
			}
		}
		assertTrue(mappingThreads.size() > 1, "records were mapped on more than one thread: " + mappingThreads);
	}

	@Test
	void withoutHelpersEachRecordIsHandedOnAsItIsMapped() {
		List<MapOutcome> seen = new ArrayList<>();
		OrderedMapping ordered = new OrderedMapping(byLine(), seen::add, pool, 0);
		ordered.map(record(1));
		assertEquals(1, seen.size(), "a small document's record reaches the sink at once, no chunk held");
		ordered.ready(problemAt(2));
		ordered.map(record(3));
		ordered.finish();
		assertEquals(List.of(1L, 2L, 3L), seen.stream().map(outcome -> outcome.record().line()).toList());
		assertEquals(Set.of(Thread.currentThread().getName()), mappingThreads);
	}

	@Test
	void aPoolThatNeverRunsLeavesEverythingToTheCaller() {
		List<MapOutcome> seen = new ArrayList<>();
		OrderedMapping ordered = new OrderedMapping(byLine(), seen::add, task -> {
			// a pool busy elsewhere: the task is never run
		}, 2);
		for (long line = 1; line <= 3_000; line++) {
			ordered.map(record(line));
		}
		ordered.finish();

		assertEquals(3_000, seen.size());
		assertEquals(Set.of(Thread.currentThread().getName()), mappingThreads);
		for (int i = 0; i < seen.size(); i++) {
			assertEquals(i + 1, seen.get(i).record().line());
		}
	}

	@Test
	void aFailureWhileMappingReachesTheCaller() {
		List<MapOutcome> seen = new ArrayList<>();
		Function<Node, MapOutcome> failing = record -> {
			if (record.location().line() == 777) {
				throw new IllegalStateException("mapping broke at 777");
			}
			return new MapOutcome(record.location(), record.value(), List.of(), false);
		};
		OrderedMapping ordered = new OrderedMapping(failing, seen::add, pool, 2);
		IllegalStateException error = assertThrows(IllegalStateException.class, () -> {
			for (long line = 1; line <= 5_000; line++) {
				ordered.map(record(line));
			}
			ordered.finish();
		});
		assertEquals("mapping broke at 777", error.getMessage());
		assertTrue(seen.size() < 777, "nothing after the failed chunk was handed on: " + seen.size());
	}
}
