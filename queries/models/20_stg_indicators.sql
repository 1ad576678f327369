-- model: stg_indicators
-- purpose: Every indicator with what a ranking needs: unit, direction, whether its value is a published place,
--   and the published list it places regions in (size and scope in words) when the data says so.
-- grain: one row per indicator_id
-- list_size, list_scope_sv and list_scope_en are optional columns of indicators.csv (absent: null).
create or replace view stg_indicators as
with

indicators_with_optional_lists as (
    from indicators
    union all by name
    (select null::integer as list_size, null::varchar as list_scope_sv, null::varchar as list_scope_en limit 0)
)

select
    indicator_id,
    name_sv,
    name_en,
    unit,
    unit_sv,
    unit_en,
    decimals,
    direction,
    category,
    unit = 'rank' as is_published_place,
    try_cast(list_size as integer) as list_size,
    list_scope_sv,
    list_scope_en
from indicators_with_optional_lists;
