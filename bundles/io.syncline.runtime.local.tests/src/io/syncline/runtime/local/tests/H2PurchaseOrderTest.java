package io.syncline.runtime.local.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.syncline.store.Store;

/** Purchase orders sent on the embedded H2 file database. */
class H2PurchaseOrderTest extends PurchaseOrderContract {

	@TempDir
	Path database;

	@Override
	protected Store open() throws Exception {
		return Store.openH2(database);
	}
}
