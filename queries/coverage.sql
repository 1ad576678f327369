-- purpose: Which region x indicator x year has a value, is marked missing, or is absent, so gaps are shown rather than hidden. With $latest, only each indicator's shown year: the latest year within $year_from-$year_to with a value (or band) for a region other than Riket (Riket's where only it has one), the staging rule shown_years_in.
-- grain: one row per region_code, indicator_id and year that any region has for that indicator (with $latest: per region_code and indicator_id)
-- params: $regions VARCHAR[] = null, $indicators VARCHAR[] = null, $latest BOOLEAN = null, $year_from INTEGER = null, $year_to INTEGER = null, $indicator_limit INTEGER = null
-- $indicator_limit: only the first indicators (by id) of those that have any, as many as the matrix draws;
--   n_indicators counts them all (the rest of the observations are then not read).
with

region_set as (
    select region_code, name_sv, name_en
    from stg_regions
    where ($regions is null and kind in ('county', 'country'))
       or list_contains($regions, region_code)
),

indicator_years as (
    select distinct indicator_id, year
    from stg_observations
    where ($indicators is null or list_contains($indicators, indicator_id))
      and not coalesce($latest, false)
    union all
    -- the year a page shows (the staging rule shown_years_in: a region's level other than Riket's first)
    select indicator_id, year
    from shown_years_in($year_from, $year_to, null)
    where ($indicators is null or list_contains($indicators, indicator_id))
      and coalesce($latest, false)
),

kept as (
    select indicator_id, count(*) over () as n_indicators
    from (select distinct indicator_id from indicator_years)
    order by indicator_id
    limit coalesce($indicator_limit, 9223372036854775807)
),

grid as (
    select r.region_code, r.name_sv, r.name_en, iy.indicator_id, iy.year, k.n_indicators
    from region_set as r
    cross join indicator_years as iy
    join kept as k using (indicator_id)
)

select
    g.region_code,
    g.name_sv as region_name_sv,
    g.name_en as region_name_en,
    g.indicator_id,
    g.year,
    case
        when o.region_code is null then 'absent'
        when not o.has_value then 'missing'
        else 'value'
    end as coverage,
    o.status,
    o.value_text,
    o.note,
    g.n_indicators
from grid as g
left join stg_observations as o using (region_code, indicator_id, year)
order by g.indicator_id, g.year, g.region_code
