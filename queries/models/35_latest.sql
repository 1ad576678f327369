-- model: latest_years_in(year_from, year_to), latest_values_in(year_from, year_to, indicator_ids), shown_year(year, level, level_),
--   shown_years_in(year_from, year_to, level_)
-- purpose: "The latest value within a year window", one rule for every page (null bounds: no bound).
-- latest_years_in: per indicator and level, the latest year with a value inside the window
--   (grain: one row per indicator_id and level).
-- latest_values_in: per region and indicator, its latest observation with a value inside the window
--   (grain: one row per region_code and indicator_id; the columns of stg_observations) for the indicators in the
--   list indicator_ids, read alone (a semi-join the scan can skip row groups by), so twenty goals do not sort ten
--   million rows.
create or replace macro latest_years_in(year_from, year_to) as table
select indicator_id, level, max(year) as year
from observed_years  -- 32_observed.sql: the years with a value, per indicator and level
where (year_from is null or year >= year_from)
  and (year_to is null or year <= year_to)
group by indicator_id, level;

create or replace macro latest_values_in(year_from, year_to, indicator_ids) as table
select *
from stg_observations
where has_value
  and indicator_id in (select unnest(indicator_ids))
  and (year_from is null or year >= year_from)
  and (year_to is null or year <= year_to)
qualify row_number() over (partition by region_code, indicator_id order by year desc) = 1;

-- shown_year(year, level, level_): THE rule, as an aggregate over the rows of one indicator (year null where a
--   row has no value), so that rows no observation holds (the per-inhabitant amounts of per_capita_in, model 82)
--   get their year by the same rule.
create or replace macro shown_year(year, level, level_) as
coalesce(
    max(year) filter (where level = level_ or (level_ is null and level <> 'country')),
    max(year) filter (where level_ is null)
);

-- shown_years_in(year_from, year_to, level_): THE year a page shows each indicator in (grain: one row per
--   indicator_id with a value). A page that ranks or compares the regions of one level asks for that level
--   ('county' for the county pages): the latest year in which a region of that level has a value, so a year
--   where only Riket has one is never chosen for the counties. level_ null: the latest year of any ranked
--   level (every level but the country's: Riket is context, never ranked), or Riket's when only Riket has
--   values. period_label: the period as published for that year (2015–19 for bibliometrics), if any.
create or replace macro shown_years_in(year_from, year_to, level_) as table
with

chosen as (
    select indicator_id, shown_year(year, level, level_) as year
    from latest_years_in(year_from, year_to)
    group by indicator_id
)

select c.indicator_id, c.year, any_value(o.period_label) filter (where o.period_label is not null) as period_label
from chosen as c
join observed_years as o
    on o.indicator_id = c.indicator_id
   and o.year = c.year
where c.year is not null
group by c.indicator_id, c.year;
