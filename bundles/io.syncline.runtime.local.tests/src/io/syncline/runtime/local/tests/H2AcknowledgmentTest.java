package io.syncline.runtime.local.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.syncline.store.Store;

/** Acknowledgments on the embedded H2 file database. */
class H2AcknowledgmentTest extends AcknowledgmentContract {

	@TempDir
	Path database;

	@Override
	protected Store open() throws Exception {
		return Store.openH2(database);
	}
}
