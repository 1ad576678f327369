-- purpose: Normalised profile (min-max over all counties with data, as the EU Regional Innovation Scoreboard does): 0 = worst, 1 = best, per indicator at its latest year or the chosen year.
-- grain: one row per indicator_id and region_code (counties only)
-- params: $indicators VARCHAR[] = null, $year INTEGER = null
with

counties as (
    select region_code, name_sv, name_en
    from regions
    where kind = 'county'
),

county_values as (
    select
        o.indicator_id,
        o.year,
        o.region_code,
        coalesce(o.value, o.value_low) as value,
        o.value_text
    from observations as o
    join counties using (region_code)
    where coalesce(o.value, o.value_low) is not null
      and ($indicators is null or list_contains($indicators, o.indicator_id))
),

chosen_year as (
    select indicator_id, coalesce($year, max(year)) as year
    from county_values
    group by indicator_id
),

at_year as (
    select v.*
    from county_values as v
    join chosen_year using (indicator_id, year)
),

bounds as (
    select indicator_id, min(value) as min_value, max(value) as max_value, count(*) as n_regions
    from at_year
    group by indicator_id
)

select
    a.indicator_id,
    a.year,
    a.region_code,
    c.name_sv as region_name_sv,
    c.name_en as region_name_en,
    a.value,
    a.value_text,
    b.min_value,
    b.max_value,
    b.n_regions,
    case
        when b.max_value = b.min_value then null
        when i.direction = 'lower' then (b.max_value - a.value) / (b.max_value - b.min_value)
        else (a.value - b.min_value) / (b.max_value - b.min_value)
    end as score
from at_year as a
join bounds as b using (indicator_id)
join indicators as i using (indicator_id)
join counties as c using (region_code)
order by a.indicator_id, a.region_code
