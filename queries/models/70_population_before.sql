-- model: population_before_year
-- purpose: THE per-inhabitant denominator: an amount of year Y is divided by SCB's population on 31 December
--   of Y-1 (read here, never re-derived by a question).
-- grain: one row per region_code and year of the amount (the population year is year - 1)
create or replace view population_before_year as
select
    region_code,
    year + 1 as year,
    year as population_year,
    value as population,
    status as population_status,
    note as population_note,
    source_id as population_source_id
from observations
where indicator_id = 'population'
  and value is not null;
