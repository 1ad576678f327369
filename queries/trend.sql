-- purpose: Values of one indicator over the years for the chosen regions, optionally indexed to a base year (base = 100).
-- grain: one row per region_code and year
-- params: $indicator VARCHAR, $regions VARCHAR[] = null, $year_from INTEGER = null, $year_to INTEGER = null, $base_year INTEGER = null
with

series as (
    select
        o.region_code,
        o.region_name_sv,
        o.region_name_en,
        o.year,
        o.value,
        o.value_text,
        o.status,
        o.source_id,
        o.note
    from stg_observations as o
    where o.indicator_id = $indicator
      and ($regions is null or list_contains($regions, o.region_code))
      and ($year_from is null or o.year >= $year_from)
      and ($year_to is null or o.year <= $year_to)
),

base as (
    select region_code, value as base_value
    from stg_observations
    where indicator_id = $indicator
      and year = $base_year
      and value is not null
      and value <> 0
)

select
    s.region_code,
    s.region_name_sv,
    s.region_name_en,
    s.year,
    s.value,
    s.value_text,
    s.status,
    b.base_value,
    100.0 * s.value / b.base_value as index_value,
    s.source_id,
    s.note
from series as s
left join base as b using (region_code)
order by s.region_code, s.year
