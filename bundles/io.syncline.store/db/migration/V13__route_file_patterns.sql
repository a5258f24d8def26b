-- Syncline store, version 13: an inbound route may name the files it takes (a glob on the file name, such as
-- *shipment*.jsonl), so a partner that sends several kinds of flat file is configured, not coded.

ALTER TABLE partner_routes ADD COLUMN file_pattern VARCHAR(200);
