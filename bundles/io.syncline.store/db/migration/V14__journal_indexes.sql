-- Syncline store, version 14: every journal row updates each index on messages, in the transaction that writes it
-- and again when it commits, so an index that answers no query is pure cost on the busiest table.
-- The chain index answered none: a trace finds a transaction's documents by business key (message_keys).
-- Outbound documents waiting for delivery are the outbound rows still RECEIVED (publishing makes them SENT); the
-- status index finds them, so the outbox needs no index of its own that every inbound row was entered in too.

DROP INDEX messages_tenant_chain;
DROP INDEX messages_tenant_unpublished;
