-- model: observed_years, observed_regions (tables, made once with the warehouse)
-- purpose: What exists, without scanning every observation: which years each indicator has a value in at each
--   level (with the period as published, 2015–19), and which regions have a value for it (first and latest
--   year). latest_years_in, shown_years_in (35_latest.sql), the indicator list and the coverage counts read
--   these: at ten million observations a page otherwise scans them all to learn a few thousand years.
-- grain (observed_years): one row per indicator_id, level and year in which a region of the level has a value
-- grain (observed_regions): one row per indicator_id and region_code with a value in some year
create or replace table observed_years as
select
    indicator_id,
    level,
    year,
    count(*) as n_regions,
    any_value(period_label) filter (where period_label is not null) as period_label
from stg_observations
where has_value
group by indicator_id, level, year
order by indicator_id, level, year;

create or replace table observed_regions as
select
    indicator_id,
    region_code,
    min(year) as first_year,
    max(year) as latest_year,
    count(*) as n_years
from stg_observations
where has_value
group by indicator_id, region_code
order by indicator_id, region_code;
