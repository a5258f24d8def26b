package io.syncline.engine;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.syncline.store.Store;

/** Set-wise stock events on the embedded H2 file database. */
class H2StockEventBatchTest extends StockEventBatchContract {

	@TempDir
	Path data;

	@Override
	protected Store open() throws Exception {
		return Store.openH2(data);
	}
}
