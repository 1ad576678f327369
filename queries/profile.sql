-- purpose: Normalised profile (min-max over every region of one level with data, as the EU Regional Innovation Scoreboard does): 0 = worst, 1 = best, per indicator at the chosen year or its latest year within the window.
-- grain: one row per indicator_id and region_code shown
-- params: $indicators VARCHAR[] = null, $year INTEGER = null, $year_from INTEGER = null, $year_to INTEGER = null, $level VARCHAR = null, $regions VARCHAR[] = null
-- $level defaults to county: the profile compares like with like. $regions: which regions are shown (the bounds use all).
with

at_year as (
    select o.*
    from stg_observations as o
    left join latest_years_in($year_from, $year_to) as l
        on l.indicator_id = o.indicator_id
       and l.level = o.level
       and l.year = o.year
    where o.has_value
      and o.level = coalesce($level, 'county')
      and ($indicators is null or list_contains($indicators, o.indicator_id))
      and (($year is not null and o.year = $year) or ($year is null and l.year is not null))
),

bounds as (
    select
        indicator_id,
        min(sort_value) as min_value,
        max(sort_value) as max_value,
        count(*) as n_regions
    from at_year
    group by indicator_id
)

select
    a.indicator_id,
    a.year,
    a.region_code,
    a.region_name_sv,
    a.region_name_en,
    a.level,
    a.sort_value as value,
    a.value_text,
    a.status,
    a.is_uncertain,
    a.note,
    a.source_id,
    b.min_value,
    b.max_value,
    b.n_regions,
    case
        when b.max_value = b.min_value then null
        when a.direction = 'lower' then (b.max_value - a.sort_value) / (b.max_value - b.min_value)
        else (a.sort_value - b.min_value) / (b.max_value - b.min_value)
    end as score
from at_year as a
join bounds as b using (indicator_id)
where $regions is null or list_contains($regions, a.region_code)
order by a.indicator_id, a.region_code
