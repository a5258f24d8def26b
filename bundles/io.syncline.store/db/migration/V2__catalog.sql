-- Syncline store, version 2: the item master, the cross-reference of supplier SKUs to our items, and what each
-- supplier sells us at what cost.

CREATE TABLE items (
    tenant_id      VARCHAR(64)  NOT NULL,
    item_number    VARCHAR(64)  NOT NULL,
    description    VARCHAR(256),
    base_uom       VARCHAR(8)   NOT NULL,
    gtin           VARCHAR(14),
    safety_stock   DECIMAL(18,4),
    reorder_point  DECIMAL(18,4),
    PRIMARY KEY (tenant_id, item_number)
);

CREATE TABLE item_xref (
    tenant_id      VARCHAR(64)  NOT NULL,
    partner_id     VARCHAR(64)  NOT NULL,
    supplier_sku   VARCHAR(64)  NOT NULL,
    item_number    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (tenant_id, partner_id, supplier_sku)
);

CREATE TABLE supplier_items (
    tenant_id       VARCHAR(64)  NOT NULL,
    partner_id      VARCHAR(64)  NOT NULL,
    supplier_sku    VARCHAR(64)  NOT NULL,
    item_number     VARCHAR(64)  NOT NULL,
    uom             VARCHAR(8),
    pack_quantity   DECIMAL(18,4),
    cost            DECIMAL(18,6) NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    lead_time_days  INTEGER,
    moq             DECIMAL(18,4),
    effective_date  DATE,
    message_id      BIGINT,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, partner_id, supplier_sku)
);
