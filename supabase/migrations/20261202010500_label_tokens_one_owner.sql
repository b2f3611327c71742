-- One label token names one thing (issue 8, point 7). Asset labels were unique among asset
-- labels and area tokens among areas; area.upsert also looked at asset labels, but an asset
-- (asset.upsert, a label_replaced event) could take an area's token, and two concurrent pushes
-- could each pass the other's check. private.label_tokens holds every token ever issued with
-- its one owner (an asset or an area); its primary key makes the claim race-free. Tokens stay
-- claimed after a label is replaced or an area relabelled: a printed label is never reused.

create table private.label_tokens (
  token text primary key,
  owner_kind text not null check (owner_kind in ('asset', 'area')),
  owner_id uuid not null,
  claimed_at timestamptz not null default now()
);
alter table private.label_tokens enable row level security;
revoke all on private.label_tokens from public, anon, authenticated;

-- Every token in use today. Fails (and so does the deployment) if one already has two owners.
insert into private.label_tokens (token, owner_kind, owner_id)
select l.token, 'asset', l.asset_id from public.asset_labels l;
insert into private.label_tokens (token, owner_kind, owner_id)
select a.label_token, 'area', a.id from public.areas a where a.label_token is not null;

-- Claims the token of the written row for its owner; another owner's token refuses the op.
create function private.tg_label_token_claim()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_token text;
  v_kind text;
  v_owner uuid;
  v_have record;
begin
  if tg_table_name = 'asset_labels' then
    v_token := new.token;
    v_kind := 'asset';
    v_owner := new.asset_id;
  else
    v_token := new.label_token;
    v_kind := 'area';
    v_owner := new.id;
  end if;
  if v_token is null then
    return new;
  end if;
  -- A concurrent claim of the same token waits here for the other transaction.
  insert into private.label_tokens (token, owner_kind, owner_id) values (v_token, v_kind, v_owner)
  on conflict (token) do nothing;
  select r.owner_kind, r.owner_id into v_have from private.label_tokens r where r.token = v_token;
  if (v_have.owner_kind, v_have.owner_id) is distinct from (v_kind, v_owner) then
    perform private.sync_refuse('invalid', 'label_token: already used by '
      || case v_have.owner_kind when 'area' then 'an area' when v_kind then 'another ' || v_kind else 'an asset' end);
  end if;
  return new;
end;
$$;

revoke execute on function private.tg_label_token_claim() from public, anon, authenticated;

create trigger label_token_claim before insert or update of token on public.asset_labels
  for each row execute function private.tg_label_token_claim();
create trigger label_token_claim before insert or update of label_token on public.areas
  for each row execute function private.tg_label_token_claim();
