-- Issue 17 (leadership, moderation): a contribution's aggregate asks whether the actor leads its community
-- (hiding), and whether a contribution it refers to was retracted or hidden (answering, accepting, crediting).
ALTER TABLE community_membership ADD COLUMN leader boolean NOT NULL DEFAULT false;
ALTER TABLE contribution_lookup ADD COLUMN withdrawn boolean NOT NULL DEFAULT false;

-- Before this version a community's only leader was its founder, for as long as they stayed a member: a
-- founder who left is either no longer in community_membership or, having joined again, a plain member (leaving
-- ended their leadership for good), so a founder with any MemberLeft in the community is not marked.
UPDATE community_membership m SET leader = true
FROM domain_event_entry e
WHERE e.payload_type = 'com.productivecommunity.events.CommunityFounded'
  AND e.aggregate_identifier = m.community_id::text
  AND convert_from(e.payload, 'UTF8')::jsonb ->> 'actorId' = m.member_id
  AND NOT EXISTS (
    SELECT 1 FROM domain_event_entry l
    WHERE l.aggregate_identifier = e.aggregate_identifier
      AND l.payload_type = 'com.productivecommunity.events.MemberLeft'
      AND convert_from(l.payload, 'UTF8')::jsonb ->> 'actorId' = m.member_id);
