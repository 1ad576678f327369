-- model: stg_indicators
-- purpose: Every indicator with what a ranking needs: unit, direction, whether its value is a published place,
--   and the published list it places regions in when the data says so: the list's scope from ladders.csv
--   (city, cluster, nuts2, university) and, optionally, list_size, list_scope_sv and list_scope_en columns
--   of indicators.csv (absent: null). Sizes per edition come from ladder_editions (stg_observations).
-- grain: one row per indicator_id
create or replace view stg_indicators as
with

indicators_with_optional_lists as (
    from indicators
    union all by name
    (select null::integer as list_size, null::varchar as list_scope_sv, null::varchar as list_scope_en limit 0)
)

select
    i.indicator_id,
    i.name_sv,
    i.name_en,
    i.unit,
    i.unit_sv,
    i.unit_en,
    i.decimals,
    i.direction,
    i.category,
    i.unit = 'rank' as is_published_place,
    try_cast(i.list_size as integer) as list_size,
    l.scope as list_scope,
    i.list_scope_sv,
    i.list_scope_en
from indicators_with_optional_lists as i
left join (select indicator_id, any_value(scope) as scope from ladders group by indicator_id) as l
    using (indicator_id);
