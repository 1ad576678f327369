-- model: import_plausibility(incoming_table)
-- purpose: The importer's plausibility guard (regionstats/importing/report.py), for added and changed values
--   alike: the incoming rows (a table named by incoming_table: line, region_code, indicator_id, year, value,
--   kind) against the stored observations they would join. A population is compared with the stored
--   neighbouring years of its region and with the sum of its parts (the counties sum to Riket); an amount or
--   count with its series' recent range; a changed value with the value it replaces. Every row returned asks
--   the user for an explicit confirmation, with the reason.
-- grain: one row per incoming row that fails a check (its most direct reason); the sum of parts once a year
create or replace macro import_plausibility(incoming_table) as table
with

limits as (
    select
        0.10 as population_base_tolerance,  -- a county grows or shrinks well under 10 % in a year
        0.02 as population_tolerance_per_year,  -- ... and under 2 % more for every year further away
        0.5 as population_max_tolerance,  -- one sex or an age band is about half: always outside
        0.0005 as parts_tolerance,  -- SCB's counties sum exactly to Riket; 0.05 % (about 5 000 persons) allowed
        2.0 as amount_factor,  -- an amount outside half the lowest and twice the highest recent value
        5 as recent_years  -- "recent": stored years at most this far from the incoming year
),

arriving as (
    select line, region_code, indicator_id, year::integer as year, value::double as value, kind
    from query_table(incoming_table)
),

incoming as (
    select a.*, i.unit, a.indicator_id in ('population', 'eu_population') as is_population
    from arriving a
    join indicators i using (indicator_id)
    where a.value is not null
),

kept as (  -- the stored values the import leaves in place
    select o.region_code, o.indicator_id, o.year, o.value
    from observations o
    anti join arriving a using (region_code, indicator_id, year)
    where o.value is not null
),

population_neighbours as (  -- the stored value it replaces, and the nearest stored year before and after
    select n.line, n.region_code, n.indicator_id, n.year, n.value, o.year as reference_year,
           o.value as reference_value,
           least(l.population_base_tolerance
                 + l.population_tolerance_per_year * greatest(abs(o.year - n.year) - 1, 0),
                 l.population_max_tolerance) as tolerance
    from incoming n
    join observations o using (region_code, indicator_id)
    cross join limits l
    where n.is_population and o.value > 0
    qualify row_number() over (partition by n.line, sign(o.year - n.year) order by abs(o.year - n.year)) = 1
),

population_jumps as (
    select line, region_code, indicator_id, year, value, 'population_neighbour' as check_code,
           reference_value, reference_year, null::double as low, null::double as high
    from population_neighbours
    where abs(value / reference_value - 1) > tolerance
    qualify row_number() over (partition by line order by abs(value / reference_value - 1) desc) = 1
),

after_import as (  -- the population as it would be: kept values and incoming ones
    select region_code, indicator_id, year, value from kept where indicator_id = 'population'
    union all
    select region_code, indicator_id, year, value from incoming where indicator_id = 'population'
),

parts as (
    select a.year,
           sum(a.value) filter (where r.kind = 'county') as counties,
           count(*) filter (where r.kind = 'county') as n_counties,
           max(a.value) filter (where r.kind = 'country') as country
    from after_import a
    join regions r using (region_code)
    group by a.year
),

sum_of_parts as (
    select n.line, n.region_code, n.indicator_id, n.year, n.value, 'sum_of_parts' as check_code,
           p.country as reference_value, n.year as reference_year, p.counties as low, p.counties as high
    from incoming n
    join regions r using (region_code)
    join parts p using (year)
    cross join limits l
    where n.indicator_id = 'population' and r.kind in ('county', 'country')
      and p.n_counties = (select count(*) from regions where kind = 'county')
      and p.country > 0 and abs(p.counties / p.country - 1) > l.parts_tolerance
    qualify row_number() over (partition by n.year order by r.kind = 'country' desc, n.line) = 1
),

recent_range as (
    select n.line, n.region_code, n.indicator_id, n.year, n.value, 'series_range' as check_code,
           null::double as reference_value, null::integer as reference_year, min(k.value) as low,
           max(k.value) as high
    from incoming n
    join kept k on k.region_code = n.region_code and k.indicator_id = n.indicator_id
    cross join limits l
    where not n.is_population and n.unit in ('msek', 'sek', 'sek_per_capita', 'persons', 'count', 'fte')
      and abs(k.year - n.year) <= l.recent_years
    group by n.line, n.region_code, n.indicator_id, n.year, n.value, l.amount_factor
    having max(k.value) > 0
       and (n.value > l.amount_factor * max(k.value) or n.value < min(k.value) / l.amount_factor)
),

replaced as (  -- a stored amount or count that would halve or double (a subgroup, another unit?)
    select n.line, n.region_code, n.indicator_id, n.year, n.value, 'implausible_change' as check_code,
           o.value as reference_value, o.year as reference_year, null::double as low, null::double as high
    from incoming n
    join observations o using (region_code, indicator_id, year)
    cross join limits l
    where n.kind = 'changed' and n.unit in ('msek', 'sek', 'sek_per_capita', 'persons', 'count', 'fte')
      and o.value > 0 and n.value >= 0
      and not n.value between o.value / l.amount_factor and o.value * l.amount_factor
),

failed as (
    select *, 1 as priority from replaced
    union all select *, 2 from population_jumps
    union all select *, 3 from recent_range
    union all select *, 4 from sum_of_parts
)

select line, region_code, indicator_id, year, value, check_code, reference_value, reference_year, low, high
from failed
qualify row_number() over (partition by line order by priority) = 1  -- one reason per line: the most direct
order by line
