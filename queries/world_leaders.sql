-- purpose: The top five of every international list in its latest edition with a sourced top five (places 1–5 as published, ties kept), so "top five" is concrete.
-- grain: one row per ladder and entry ranked 1–5 in that edition
-- params: $indicator VARCHAR = null
with

leader_top_rows as (
    -- the top five as the staging layer's verdict has it (a published place, never re-ranked)
    select o.indicator_id, o.year as edition, o.region_code, o.rank as place, o.source_id, l.scope
    from published_places as o
    join ladders as l using (indicator_id)
    where o.in_top_five
      and ($indicator is null or o.indicator_id = $indicator)
),

leader_latest as (
    select indicator_id, max(edition) as edition
    from leader_top_rows
    group by indicator_id
)

select
    t.indicator_id,
    t.edition,
    t.place::integer as place,
    t.region_code,
    case when t.scope = 'nuts2' and r.kind = 'county' then r.nuts2 || ' ' || r.name_sv else r.name_sv end
        as name_sv,
    case when t.scope = 'nuts2' and r.kind = 'county' then r.nuts2 || ' ' || r.name_en else r.name_en end
        as name_en,
    r.kind,
    t.source_id,
    e.list_size
from leader_top_rows as t
join leader_latest using (indicator_id, edition)
join regions as r using (region_code)
left join ladder_editions as e using (indicator_id, edition)
order by t.indicator_id, t.place, r.name_en
