-- purpose: The indicator dictionary with the years and number of regions that have values.
-- grain: one row per indicator_id
-- params: $category VARCHAR = null
with

coverage as (
    select
        indicator_id,
        min(year) as first_year,
        max(year) as latest_year,
        list(distinct year order by year) as years,
        count(distinct region_code) as n_regions
    from stg_observations
    where has_value
    group by indicator_id
)

select
    i.*,
    c.first_year,
    c.latest_year,
    c.years,
    coalesce(c.n_regions, 0) as n_regions
from indicators as i
left join coverage as c using (indicator_id)
where $category is null or i.category = $category
order by i.category, i.indicator_id
