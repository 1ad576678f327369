-- model: latest_years_in(year_from, year_to), latest_values_in(year_from, year_to)
-- purpose: "The latest value within a year window", one rule for every page (null bounds: no bound).
-- latest_years_in: per indicator and level, the latest year with a value inside the window
--   (grain: one row per indicator_id and level).
-- latest_values_in: per region and indicator, its latest observation with a value inside the window
--   (grain: one row per region_code and indicator_id; the columns of stg_observations).
create or replace macro latest_years_in(year_from, year_to) as table
select indicator_id, level, max(year) as year
from stg_observations
where has_value
  and (year_from is null or year >= year_from)
  and (year_to is null or year <= year_to)
group by indicator_id, level;

create or replace macro latest_values_in(year_from, year_to) as table
select *
from stg_observations
where has_value
  and (year_from is null or year >= year_from)
  and (year_to is null or year <= year_to)
qualify row_number() over (partition by region_code, indicator_id order by year desc) = 1;
