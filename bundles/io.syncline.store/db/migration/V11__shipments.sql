-- Syncline store, version 11: what left the warehouse for each sales order (one row per shipment, one per line
-- shipped in it), and the ship-to address an order arrived with, which its ship notice and invoice repeat.

ALTER TABLE sales_orders ADD COLUMN ship_to_name VARCHAR(128);
ALTER TABLE sales_orders ADD COLUMN ship_to_qualifier VARCHAR(8);
ALTER TABLE sales_orders ADD COLUMN ship_to_code VARCHAR(64);

CREATE TABLE so_shipments (
    tenant_id       VARCHAR(64)  NOT NULL,
    order_number    VARCHAR(64)  NOT NULL,
    shipment_number INTEGER      NOT NULL,
    carrier         VARCHAR(32),
    tracking_number VARCHAR(64),
    shipped_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    shipped_by      VARCHAR(128) NOT NULL,
    PRIMARY KEY (tenant_id, order_number, shipment_number)
);

CREATE TABLE so_shipment_lines (
    tenant_id       VARCHAR(64)   NOT NULL,
    order_number    VARCHAR(64)   NOT NULL,
    shipment_number INTEGER       NOT NULL,
    line_number     INTEGER       NOT NULL,
    quantity        DECIMAL(18,4) NOT NULL,
    PRIMARY KEY (tenant_id, order_number, shipment_number, line_number)
);
