package io.syncline.engine.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.syncline.store.Store;

class H2SlaTest extends SlaContract {

	@TempDir
	Path data;

	@Override
	protected Store open() throws Exception {
		return Store.openH2(data);
	}
}
