-- Full-text search (GET /api/search, SearchReads): a generated tsvector per contribution (title weight A, body
-- weight B) and per community (name A, purpose B), each with a GIN index. 'english': stemmed ("answers" finds
-- "answer"), stop words dropped; words of other languages are indexed as they are written. Generated columns
-- are recomputed only when the columns they are made of change: the projection's count updates never touch them.

ALTER TABLE contribution ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B')
) STORED;
CREATE INDEX contribution_search ON contribution USING gin (search);
-- The author filter (author=): ANDed with the GIN index's bitmap, so a common word by one member reads only
-- that member's matches instead of every match.
CREATE INDEX contribution_by_author ON contribution (author_id);

ALTER TABLE community ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', purpose), 'B')
) STORED;
CREATE INDEX community_search ON community USING gin (search);
