package io.syncline.runtime.client.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.syncline.store.Store;

/** The runtime API on the embedded H2 file database. */
class H2LocalRuntimeTest extends LocalContract {

	@TempDir
	Path database;

	@Override
	protected Store open() throws Exception {
		return Store.openH2(database);
	}
}
