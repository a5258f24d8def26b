-- Syncline store, version 9: a tenant's rules (how ATP is counted: in-transit stock, shares reserved per channel),
-- as key and value; every change is audited with who and why.

CREATE TABLE tenant_rules (
    tenant_id   VARCHAR(64)   NOT NULL,
    rule_key    VARCHAR(64)   NOT NULL,
    rule_value  VARCHAR(1000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(128)  NOT NULL,
    PRIMARY KEY (tenant_id, rule_key)
);
