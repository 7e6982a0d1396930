-- People segments (issue 17): whether partners and customers may take part in a community, for the commands
-- other than joining (command.rules.Audience). Communities founded before CommunityFounded v2 are for the staff;
-- those founded since carry openToExternal in their founding event.
ALTER TABLE community_lookup ADD COLUMN open_to_external boolean NOT NULL DEFAULT false;

UPDATE community_lookup c SET open_to_external = true
FROM domain_event_entry e
WHERE e.payload_type = 'com.productivecommunity.events.CommunityFounded'
  AND e.aggregate_identifier = c.community_id::text
  AND e.payload_revision = '2'
  AND (convert_from(e.payload, 'UTF8')::jsonb ->> 'openToExternal')::boolean;
