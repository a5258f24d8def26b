-- Syncline store, version 13: an inbound route may name the files it takes (a glob on the file name, such as
-- *shipment*.jsonl), so a partner that sends several kinds of flat file is configured, not coded.

ALTER TABLE partner_routes ADD COLUMN file_pattern VARCHAR(200);

-- Stored copies of the shipped routes get the shipped patterns, which replace the rules of name that were code.
UPDATE partner_routes SET file_pattern = '*.csv'
    WHERE partner_id = 'erp' AND document_type = 'items' AND direction = 'IN';
UPDATE partner_routes SET file_pattern = '*.xmi'
    WHERE partner_id = 'erp' AND document_type = 'purchase-orders' AND direction = 'IN';
UPDATE partner_routes SET file_pattern = '*.xml'
    WHERE partner_id = 'wms' AND document_type = 'snapshot' AND direction = 'IN';
UPDATE partner_routes SET file_pattern = '*.jsonl'
    WHERE partner_id = 'wms' AND document_type = 'events' AND direction = 'IN';
UPDATE partner_routes SET file_pattern = '*shipment*.jsonl'
    WHERE partner_id = 'wms' AND document_type = 'shipments' AND direction = 'IN';
