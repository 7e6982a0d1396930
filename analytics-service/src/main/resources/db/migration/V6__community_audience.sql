-- People segments (issue 17): whether partners and customers may read a community's figures (CommunityFounded v2's
-- openToExternal); a partner or customer who is a member of a community for the staff reads nothing of it. Rows
-- written before this version are for the staff, as every community founded before CommunityFounded v2 was;
-- a rebuild (POST /api/admin/projections/analytics/rebuild) reads the setting from the events.
ALTER TABLE community ADD COLUMN open_to_external boolean NOT NULL DEFAULT false;
