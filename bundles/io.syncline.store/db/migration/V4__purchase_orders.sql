-- Syncline store, version 4: purchase orders through their lifecycle (sent, acknowledged line by line, shipped,
-- invoiced), the receipts a ship notice announces, and invoices with the outcome of their three-way match.

CREATE TABLE purchase_orders (
    tenant_id          VARCHAR(64) NOT NULL,
    po_number          VARCHAR(64) NOT NULL,
    supplier_id        VARCHAR(64) NOT NULL,
    status             VARCHAR(24) NOT NULL,
    order_date         DATE,
    requested_date     DATE,
    currency           VARCHAR(3)  NOT NULL,
    warehouse          VARCHAR(16),
    acknowledgment     VARCHAR(64),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, po_number)
);

CREATE TABLE po_lines (
    tenant_id            VARCHAR(64)   NOT NULL,
    po_number            VARCHAR(64)   NOT NULL,
    line_number          INTEGER       NOT NULL,
    item_number          VARCHAR(64),
    supplier_sku         VARCHAR(64)   NOT NULL,
    quantity             DECIMAL(18,4) NOT NULL,
    uom                  VARCHAR(8)    NOT NULL,
    unit_price           DECIMAL(18,6) NOT NULL,
    accepted_quantity    DECIMAL(18,4),
    backordered_quantity DECIMAL(18,4),
    backorder_date       DATE,
    proposed_price       DECIMAL(18,6),
    agreed_price         DECIMAL(18,6) NOT NULL,
    shipped_quantity     DECIMAL(18,4) NOT NULL,
    PRIMARY KEY (tenant_id, po_number, line_number)
);

CREATE TABLE expected_receipts (
    tenant_id        VARCHAR(64)   NOT NULL,
    shipment_number  VARCHAR(64)   NOT NULL,
    supplier_sku     VARCHAR(64)   NOT NULL,
    po_number        VARCHAR(64)   NOT NULL,
    warehouse        VARCHAR(16),
    quantity         DECIMAL(18,4) NOT NULL,
    uom              VARCHAR(8)    NOT NULL,
    expected_date    DATE,
    tracking_number  VARCHAR(64),
    PRIMARY KEY (tenant_id, shipment_number, supplier_sku)
);

CREATE TABLE invoices (
    tenant_id        VARCHAR(64)   NOT NULL,
    invoice_number   VARCHAR(64)   NOT NULL,
    po_number        VARCHAR(64),
    total            DECIMAL(18,2) NOT NULL,
    match_status     VARCHAR(16)   NOT NULL,
    message_id       BIGINT,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, invoice_number)
);
