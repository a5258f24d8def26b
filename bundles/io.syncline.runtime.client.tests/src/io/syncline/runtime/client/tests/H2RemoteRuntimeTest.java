package io.syncline.runtime.client.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.syncline.store.Store;

/** The runtime API over HTTP, served from the embedded H2 file database. */
class H2RemoteRuntimeTest extends RemoteContract {

	@TempDir
	Path database;

	@Override
	protected Store open() throws Exception {
		return Store.openH2(database);
	}
}
