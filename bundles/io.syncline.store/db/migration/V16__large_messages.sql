-- Syncline store, version 16: messages of any size, applied in chunks that survive a crash, and messages that
-- crash the runtime set aside instead of resumed for ever.
--
-- A large payload is stored as its gzip stream cut into pieces of about a megabyte (payload_pieces > 0, and
-- payload_gzip empty), so neither writing nor reading it holds the whole file. A message applied in chunks commits
-- its checkpoint with each chunk: the records done and how far into the source they reach. resume_count counts
-- the starts that resumed it since its checkpoint last moved; last_error is the last error known to have stopped it.

ALTER TABLE messages ADD COLUMN payload_pieces INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE messages ADD COLUMN checkpoint_records BIGINT;
ALTER TABLE messages ADD COLUMN checkpoint_bytes BIGINT;
ALTER TABLE messages ADD COLUMN resume_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE messages ADD COLUMN resumed_at_records BIGINT;
ALTER TABLE messages ADD COLUMN last_error VARCHAR(1000);

CREATE TABLE message_payload_pieces (
    tenant_id   VARCHAR(64) NOT NULL,
    message_id  BIGINT      NOT NULL REFERENCES messages (id),
    piece       INTEGER     NOT NULL,
    data        BYTEA       NOT NULL,
    PRIMARY KEY (tenant_id, message_id, piece)
);
