-- Syncline store, version 6: sales orders from the web shop and EDI customers, with what was allocated from stock
-- and what is backordered.

CREATE TABLE sales_orders (
    tenant_id      VARCHAR(64) NOT NULL,
    order_number   VARCHAR(64) NOT NULL,
    channel        VARCHAR(8)  NOT NULL,
    customer_id    VARCHAR(64),
    customer_po    VARCHAR(64),
    status         VARCHAR(24) NOT NULL,
    order_date     DATE,
    requested_date DATE,
    warehouse      VARCHAR(16) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, order_number)
);

CREATE TABLE so_lines (
    tenant_id            VARCHAR(64)   NOT NULL,
    order_number         VARCHAR(64)   NOT NULL,
    line_number          INTEGER       NOT NULL,
    item_number          VARCHAR(64)   NOT NULL,
    quantity             DECIMAL(18,4) NOT NULL,
    uom                  VARCHAR(8)    NOT NULL,
    unit_price           DECIMAL(18,6),
    allocated_quantity   DECIMAL(18,4) NOT NULL,
    backordered_quantity DECIMAL(18,4) NOT NULL,
    PRIMARY KEY (tenant_id, order_number, line_number)
);
