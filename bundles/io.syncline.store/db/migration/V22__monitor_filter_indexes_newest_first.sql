-- Syncline store, version 22: H2 does not walk an index backwards, so each direction a page is read in needs its
-- index in that order (BenchMain monitor, over millions of journal rows).
-- Newest first with a status, flow or partner: with (tenant_id, status, id) H2 walked the tenant's rows newest first
-- on messages_tenant_id and tested each one's status, 50,000 rows for a page of FAILED at one failure in a
-- thousand (39 ms warm over 2 M rows, 0.5 s cold over 10 M). The same three indexes with the id descending read
-- that page in order; nothing reads them oldest first with one of these filters alone.
-- Oldest first, the API's default order and how a consumer follows the journal from a cursor: since V20 made the
-- tenant's index descending, a page sorted all the tenant's rows (2.3 s over 2 M). It gets an index of its own.
-- PostgreSQL walks a b-tree either way; there the indexes only change direction.

DROP INDEX messages_tenant_status;
CREATE INDEX messages_tenant_status ON messages (tenant_id, status, id DESC);
DROP INDEX messages_tenant_flow;
CREATE INDEX messages_tenant_flow ON messages (tenant_id, flow, id DESC);
DROP INDEX messages_tenant_partner;
CREATE INDEX messages_tenant_partner ON messages (tenant_id, partner_id, id DESC);
CREATE INDEX messages_tenant_oldest ON messages (tenant_id, id);
