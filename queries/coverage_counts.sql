-- purpose: How much data each indicator has for a set of regions: how many of them have a value (or band) in some year, and in how many years any of them has one. For pick lists that only offer indicators with enough data, without fetching the coverage grid.
-- grain: one row per indicator_id with at least one value for the regions
-- params: $regions VARCHAR[] = null
select
    indicator_id,
    count(distinct region_code) as n_regions_with_value,
    count(distinct year) as n_years_with_value
from stg_observations
where has_value
  and ($regions is null or list_contains($regions, region_code))
group by indicator_id
order by indicator_id
