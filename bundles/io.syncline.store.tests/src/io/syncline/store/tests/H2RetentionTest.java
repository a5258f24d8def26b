package io.syncline.store.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.syncline.store.Store;

/** Retention on an H2 file store. */
class H2RetentionTest extends RetentionContract {

	@TempDir
	Path data;

	@Override
	protected Store open() throws Exception {
		return Store.openH2(data);
	}
}
