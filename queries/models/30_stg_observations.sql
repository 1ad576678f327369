-- model: stg_observations
-- purpose: Every observation with its region's kind and level, the indicator's unit and direction, the value
--   it sorts by (a band such as 351-400 sorts by its best place), whether it is uncertain, and the size of the
--   published list for a published place: observations.list_size if that optional column exists, else the
--   sourced size of that edition (ladder_editions, edition = year), else the indicator's.
-- grain: one row per region_code, indicator_id and year
create or replace view stg_observations as
with

observations_with_optional_lists as (
    from observations
    union all by name
    (select null::integer as list_size limit 0)
)

select
    o.region_code,
    o.indicator_id,
    o.year,
    o.period_start,
    o.period_end,
    o.period_label,
    o.value,
    o.value_text,
    o.value_low,
    o.value_high,
    o.status,
    o.source_id,
    o.note,
    o.note_en,
    coalesce(o.value, o.value_low) as sort_value,
    coalesce(o.value, o.value_low) is not null as has_value,
    o.status in ('provisional', 'conflicting') as is_uncertain,
    r.kind as region_kind,
    r.level,
    r.name_sv as region_name_sv,
    r.name_en as region_name_en,
    r.county_code,
    i.unit,
    i.direction,
    i.decimals,
    i.category,
    i.is_published_place,
    coalesce(try_cast(o.list_size as integer), e.list_size, i.list_size) as list_size,
    i.list_scope,
    i.list_scope_sv,
    i.list_scope_en
from observations_with_optional_lists as o
join stg_regions as r using (region_code)
join stg_indicators as i using (indicator_id)
left join (
    select indicator_id, edition, max(list_size) as list_size from ladder_editions group by indicator_id, edition
) as e
    on e.indicator_id = o.indicator_id
   and e.edition = o.year;
