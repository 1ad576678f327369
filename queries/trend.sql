-- purpose: Values of one indicator over the years for the chosen regions, optionally indexed to a base year (base = 100).
-- grain: one row per region_code and year
-- params: $indicator VARCHAR, $regions VARCHAR[] = null, $year_from INTEGER = null, $year_to INTEGER = null, $base_year INTEGER = null, $compose VARCHAR[] = null
-- $compose: regions composed of counties ('name:01+03'), returned beside the regions as the staging macro
--   composed_observations rebuilds them (members_sv names the members; composed_reason says why a value is missing).
with

series as (
    select
        o.region_code,
        o.year,
        o.value,
        o.value_text,
        o.status,
        o.source_id,
        o.note
    from observations as o
    where o.indicator_id = $indicator
      and ($regions is null or list_contains($regions, o.region_code))
      and ($year_from is null or o.year >= $year_from)
      and ($year_to is null or o.year <= $year_to)
),

composed as (
    select *
    from composed_observations($compose, $indicator)
    where indicator_id = $indicator
),

base as (
    select region_code, value as base_value
    from observations
    where indicator_id = $indicator
      and year = $base_year
      and value is not null
      and value <> 0
    union all
    select region_code, value
    from composed
    where year = $base_year
      and value is not null
      and value <> 0
)

select
    s.region_code,
    r.name_sv as region_name_sv,
    r.name_en as region_name_en,
    s.year,
    s.value,
    s.value_text,
    s.status,
    b.base_value,
    100.0 * s.value / b.base_value as index_value,
    s.source_id,
    s.note
from series as s
join regions as r using (region_code)
left join base as b using (region_code)

union all by name

select
    c.region_code,
    c.region_name_sv,
    c.region_name_en,
    c.year,
    c.value,
    c.status,
    b.base_value,
    100.0 * c.value / b.base_value as index_value,
    c.source_id,
    c.members_sv,
    c.members_en,
    c.composed_reason,
    c.members_missing_sv,
    c.members_missing_en
from composed as c
left join base as b using (region_code)
where ($year_from is null or c.year >= $year_from)
  and ($year_to is null or c.year <= $year_to)
order by region_code, year
