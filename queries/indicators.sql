-- purpose: The indicator dictionary with the years and number of regions that have values.
-- grain: one row per indicator_id
-- params: $category VARCHAR = null
with

-- what exists, from the tables made with the warehouse (queries/models/32_observed.sql), not every observation
years as (
    select
        indicator_id,
        min(year) as first_year,
        max(year) as latest_year,
        list(distinct year order by year) as years
    from observed_years
    group by indicator_id
),

region_counts as (
    select indicator_id, count(*) as n_regions
    from observed_regions
    group by indicator_id
),

coverage as (
    from years
    join region_counts using (indicator_id)
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
