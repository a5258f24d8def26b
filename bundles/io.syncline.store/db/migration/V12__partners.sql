-- Syncline store, version 12: a tenant's partners and their routes as data, so a partner's analyst can add a
-- trading partner or change which mapping a flow uses without a release. A tenant without rows here runs on the
-- shipped defaults; the first change copies them in.

CREATE TABLE partners (
    tenant_id     VARCHAR(64)  NOT NULL,
    partner_id    VARCHAR(64)  NOT NULL,
    name          VARCHAR(128) NOT NULL,
    x12_envelope  VARCHAR(128),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(128) NOT NULL,
    PRIMARY KEY (tenant_id, partner_id)
);

CREATE TABLE partner_routes (
    tenant_id     VARCHAR(64)  NOT NULL,
    partner_id    VARCHAR(64)  NOT NULL,
    document_type VARCHAR(32)  NOT NULL,
    direction     VARCHAR(3)   NOT NULL,
    flow          VARCHAR(64)  NOT NULL,
    workflow      VARCHAR(32)  NOT NULL,
    mapping       VARCHAR(128),
    PRIMARY KEY (tenant_id, partner_id, document_type, direction)
);
