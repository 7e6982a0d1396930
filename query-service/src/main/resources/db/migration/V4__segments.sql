-- People segments (issue 17): whether partners and customers may join a community, and each member's
-- segments as the directory stated them when they joined or last acted (MemberJoined v2, MemberSegmentsChanged).
ALTER TABLE community ADD COLUMN open_to_external boolean NOT NULL DEFAULT false;
ALTER TABLE community_member ADD COLUMN segments text[] NOT NULL DEFAULT '{}';
