-- Syncline store, version 5: what suppliers report they have (X12 846), per SKU, with the date stock returns.

CREATE TABLE supplier_availability (
    tenant_id       VARCHAR(64)   NOT NULL,
    partner_id      VARCHAR(64)   NOT NULL,
    supplier_sku    VARCHAR(64)   NOT NULL,
    item_number     VARCHAR(64),
    quantity        DECIMAL(18,4) NOT NULL,
    uom             VARCHAR(8),
    available_date  DATE,
    as_of           TIMESTAMP WITH TIME ZONE NOT NULL,
    message_id      BIGINT,
    PRIMARY KEY (tenant_id, partner_id, supplier_sku)
);
