-- Row level security on every table, private ones included: private.asset_people is read only
-- by security definer helpers (which run as the owner), so enabling RLS without policies
-- changes nothing for them and shuts the table to anyone else, should a grant ever slip in.
alter table private.asset_people enable row level security;
