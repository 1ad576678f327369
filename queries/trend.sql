-- purpose: Values of one indicator over the years for the chosen regions, optionally indexed to a base year (base = 100).
-- grain: one row per region_code and year
--   break_x, break_label_sv, break_label_en: a break in the series (staging view stg_series_breaks) between the
--   region's previous year in the series and this year, on the later row (null: none, or no earlier year shown)
-- params: $indicator VARCHAR, $regions VARCHAR[] = null, $year_from INTEGER = null, $year_to INTEGER = null, $base_year INTEGER = null, $compose VARCHAR[] = null
-- $compose: regions composed of counties ('name:01+03'), returned beside the regions as the staging macro
--   composed_observations rebuilds them (members_sv names the members; composed_reason says why a value is missing).
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
        o.note,
        lag(o.year) over (partition by o.region_code order by o.year) as previous_year
    from stg_observations as o
    where o.indicator_id = $indicator
      and ($regions is null or list_contains($regions, o.region_code))
      and ($year_from is null or o.year >= $year_from)
      and ($year_to is null or o.year <= $year_to)
),

breaks as (  -- a break between two years of the series, on the later one; several there are joined
    select s.region_code, s.year, min(k.x) as x, string_agg(k.label_sv, '; ' order by k.x) as label_sv,
           string_agg(k.label_en, '; ' order by k.x) as label_en
    from series as s
    join stg_series_breaks as k
        on k.indicator_id = $indicator and k.region_code = s.region_code
       and k.x <= s.year and k.x > s.previous_year
    group by s.region_code, s.year
),

composed as (
    select *
    from composed_observations($compose, $indicator)
    where indicator_id = $indicator
),

base as (
    select region_code, value as base_value
    from stg_observations
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
    s.region_name_sv,
    s.region_name_en,
    s.year,
    s.value,
    s.value_text,
    s.status,
    b.base_value,
    100.0 * s.value / b.base_value as index_value,
    s.source_id,
    s.note,
    k.x as break_x,
    k.label_sv as break_label_sv,
    k.label_en as break_label_en
from series as s
left join base as b using (region_code)
left join breaks as k on k.region_code = s.region_code and k.year = s.year

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
