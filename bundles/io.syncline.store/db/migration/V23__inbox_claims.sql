-- Syncline store, version 23: inbox claims whose work a worker abandoned (it went far past its bound without
-- progress). A claim abandoned on three runs is quarantined at the next start instead of being submitted again,
-- as a message that stops the runtime on three starts is. Only abandoned claims have a row.

CREATE TABLE inbox_claims (
    tenant_id          VARCHAR(64)  NOT NULL,
    claim_id           VARCHAR(64)  NOT NULL,
    abandoned          INTEGER      NOT NULL,
    last_abandoned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_reason        VARCHAR(1024),
    PRIMARY KEY (tenant_id, claim_id)
);
