-- model: ladder_edition_segments
-- purpose: The method segment of every edition of an international list (a change in what the list counts or
--   which regions it ranks, data/ladder_editions.csv): an edition belongs to the segment of the latest segment
--   start at or before it. A trend, the change needed per edition and the year reached are computed within one
--   segment (queries/world_ladders.sql); the charts draw each later segment's start as a break.
-- grain: one row per ladder indicator_id and edition (every edition with a place or a sourced list size)
create or replace view ladder_edition_segments as
with

editions_with_optional_segments as (
    -- a ladder_editions table without segment columns (an older data folder) has one segment per list
    from ladder_editions
    union all by name
    (select null::varchar as segment, null::varchar as segment_note limit 0)
),

editions as (
    select distinct o.indicator_id, o.year as edition
    from stg_observations as o
    where o.indicator_id in (select indicator_id from ladders)
    union
    select indicator_id, edition from ladder_editions
),

starts as (
    -- a segment starts where an edition's segment differs from the one before it
    select indicator_id, edition as segment_start, segment, segment_note
    from editions_with_optional_segments
    where segment is not null
    qualify segment is distinct from lag(segment) over (partition by indicator_id order by edition)
)

select
    e.indicator_id,
    e.edition,
    coalesce(s.segment, '') as segment,
    s.segment_start,
    s.segment_note
from editions as e
asof left join starts as s
    on s.indicator_id = e.indicator_id
   and e.edition >= s.segment_start;
