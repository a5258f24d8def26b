-- Syncline store, version 7: what the runtime API needs. A resubmitted message links to the one it replaces; an
-- edited payload waits beside its exception (the original stays in the journal); mapping versions are published
-- into the store, so every message can say which version mapped it.

ALTER TABLE messages ADD COLUMN resubmit_of BIGINT;
CREATE INDEX messages_tenant_status ON messages (tenant_id, status, id);
CREATE INDEX messages_tenant_flow ON messages (tenant_id, flow, id);

CREATE TABLE exception_payloads (
    tenant_id      VARCHAR(64)  NOT NULL,
    exception_id   BIGINT       NOT NULL REFERENCES exceptions (id),
    payload_sha256 VARCHAR(64)  NOT NULL,
    payload_gzip   BYTEA        NOT NULL,
    edited_by      VARCHAR(128) NOT NULL,
    edited_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, exception_id)
);

CREATE INDEX exceptions_tenant_message ON exceptions (tenant_id, message_id);

CREATE TABLE mapping_versions (
    tenant_id     VARCHAR(64)  NOT NULL,
    mapping_name  VARCHAR(128) NOT NULL,
    version       INTEGER      NOT NULL,
    author        VARCHAR(128) NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    comment       VARCHAR(1000),
    synmap_sha256 VARCHAR(64)  NOT NULL,
    synmap_gzip   BYTEA        NOT NULL,
    PRIMARY KEY (tenant_id, mapping_name, version)
);
