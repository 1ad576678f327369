-- purpose: Which region x indicator x year has a value, is marked missing, or is absent, so gaps are shown rather than hidden. With $latest, only each indicator's shown year: the latest year with a value (or band) within $year_from-$year_to.
-- grain: one row per region_code, indicator_id and year that any region has for that indicator (with $latest: per region_code and indicator_id)
-- params: $regions VARCHAR[] = null, $indicators VARCHAR[] = null, $latest BOOLEAN = null, $year_from INTEGER = null, $year_to INTEGER = null
with

region_set as (
    select region_code, name_sv, name_en
    from regions
    where ($regions is null and kind in ('county', 'country'))
       or list_contains($regions, region_code)
),

indicator_years as (
    select distinct indicator_id, year
    from observations
    where ($indicators is null or list_contains($indicators, indicator_id))
      and not coalesce($latest, false)
    union all
    -- the year a page shows: the latest with a value or band, within the chosen period if any
    select indicator_id, max(year) as year
    from observations
    where ($indicators is null or list_contains($indicators, indicator_id))
      and coalesce($latest, false)
      and (value is not null or value_low is not null)
      and ($year_to is null or year between $year_from and $year_to)
    group by indicator_id
),

grid as (
    select r.region_code, r.name_sv, r.name_en, iy.indicator_id, iy.year
    from region_set as r
    cross join indicator_years as iy
)

select
    g.region_code,
    g.name_sv as region_name_sv,
    g.name_en as region_name_en,
    g.indicator_id,
    g.year,
    case
        when o.region_code is null then 'absent'
        when o.value is null and o.value_low is null then 'missing'
        else 'value'
    end as coverage,
    o.status,
    o.value_text,
    o.note
from grid as g
left join observations as o using (region_code, indicator_id, year)
order by g.indicator_id, g.year, g.region_code
