package io.syncline.store.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.syncline.store.Dialect;
import io.syncline.store.internal.Migrations;

/** Which database runs which script: a dialect suffix limits a script to that database. */
class MigrationScriptsTest {

	@Test
	void aDialectSuffixLimitsAScriptToThatDatabase() {
		assertTrue(Migrations.appliesTo("V10__identity_cache.h2.sql", Dialect.H2));
		assertFalse(Migrations.appliesTo("V10__identity_cache.h2.sql", Dialect.POSTGRESQL));
		assertTrue(Migrations.appliesTo("V1__journal_exceptions_audit.sql", Dialect.H2));
		assertTrue(Migrations.appliesTo("V1__journal_exceptions_audit.sql", Dialect.POSTGRESQL));
	}
}
