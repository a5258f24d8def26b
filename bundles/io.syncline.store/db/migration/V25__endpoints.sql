-- Syncline store, version 25: partners' endpoints (folder, SFTP, AS2, webhooks, HTTP, JDBC), what each one picked
-- up, where each one's cursors stand, and how each one fares.

-- An endpoint in or out of a partner. Its settings are a JSON object of strings; its secrets (passwords, private
-- keys, certificates, webhook keys) are sealed with the runtime's secrets key (AES-GCM), never stored in clear.
CREATE TABLE endpoints (
    tenant_id         VARCHAR(64)   NOT NULL,
    endpoint_id       VARCHAR(64)   NOT NULL,
    partner_id        VARCHAR(64)   NOT NULL,
    direction         VARCHAR(8)    NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    settings          VARCHAR(8192) NOT NULL,
    secrets           BYTEA,
    secret_names      VARCHAR(1024),
    schedule_seconds  INTEGER,
    document_types    VARCHAR(1024),
    enabled           BOOLEAN       NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(128)  NOT NULL,
    PRIMARY KEY (tenant_id, endpoint_id)
);
CREATE INDEX endpoints_partner ON endpoints (tenant_id, partner_id);

-- Every pickup is claimed here, in the transaction that journals it: an SFTP path with its size and mtime, an AS2
-- Message-ID, a webhook delivery id, a REST item, a JDBC row key. A second pickup of the same thing (a crash
-- between download and remote delete, a partner's retry) finds its claim and is not applied twice.
CREATE TABLE endpoint_pickups (
    tenant_id    VARCHAR(64)  NOT NULL,
    endpoint_id  VARCHAR(64)  NOT NULL,
    pickup_key   VARCHAR(512) NOT NULL,
    message_id   BIGINT       NOT NULL,
    picked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, endpoint_id, pickup_key)
);

-- Where an endpoint's cursors stand: the last outbound message delivered, a REST cursor, a JDBC watermark.
CREATE TABLE endpoint_cursors (
    tenant_id     VARCHAR(64)   NOT NULL,
    endpoint_id   VARCHAR(64)   NOT NULL,
    cursor_name   VARCHAR(32)   NOT NULL,
    cursor_value  VARCHAR(1024) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, endpoint_id, cursor_name)
);

-- How an endpoint fares: its last poll and last success, what it moved today, its last error in words, its backlog.
CREATE TABLE endpoint_status (
    tenant_id        VARCHAR(64)   NOT NULL,
    endpoint_id      VARCHAR(64)   NOT NULL,
    last_poll_at     TIMESTAMP WITH TIME ZONE,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    moved_on         DATE,
    moved_today      BIGINT        NOT NULL,
    last_error       VARCHAR(1024),
    last_error_at    TIMESTAMP WITH TIME ZONE,
    backlog          INTEGER       NOT NULL,
    PRIMARY KEY (tenant_id, endpoint_id)
);

-- The receipt (MDN) each AS2 message was answered with, so a partner that sends a Message-ID again gets the same
-- receipt and the message is not taken twice.
CREATE TABLE as2_receipts (
    tenant_id     VARCHAR(64)  NOT NULL,
    endpoint_id   VARCHAR(64)  NOT NULL,
    message_id    VARCHAR(512) NOT NULL,
    content_type  VARCHAR(512) NOT NULL,
    body          BYTEA        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, endpoint_id, message_id)
);

-- AS2 messages sent whose receipt comes later (asynchronous MDNs): delivered when a positive receipt with our MIC
-- arrives; a negative one, or none within the endpoint's timeout, opens a DELIVERY_FAILED exception.
CREATE TABLE as2_awaiting (
    tenant_id       VARCHAR(64)  NOT NULL,
    endpoint_id     VARCHAR(64)  NOT NULL,
    as2_message_id  VARCHAR(512) NOT NULL,
    message_id      BIGINT       NOT NULL,
    mic             VARCHAR(128) NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    PRIMARY KEY (tenant_id, endpoint_id, as2_message_id)
);
CREATE INDEX as2_awaiting_state ON as2_awaiting (tenant_id, endpoint_id, state, sent_at);
