-- Syncline store, version 15, H2 only: when its cache of ids runs out, H2 writes the sequence at once, and that
-- stores every page the running batch has changed so far, which its commit then stores again. A thousand ids lasted
-- two batches of stock events; a hundred thousand last two hundred. Ids left unused at a stop are skipped, as
-- before; nothing needs ids without gaps (EDI control numbers have their own counters).

ALTER TABLE messages ALTER COLUMN id SET CACHE 100000;
ALTER TABLE atp_history ALTER COLUMN id SET CACHE 100000;
