-- purpose: Distance to the top five per indicator and year from the one ranking rule (queries/models/40_ranked.sql): rank, the fifth best value and who holds it, the gap (in the unit; in places for a published place), the verdict and whether it is decisive.
-- grain: one row per indicator_id, year and region_code shown
-- params: $indicator VARCHAR = null, $year INTEGER = null, $year_from INTEGER = null, $year_to INTEGER = null, $latest BOOLEAN = null, $level VARCHAR = null, $comparison_set VARCHAR[] = null, $regions VARCHAR[] = null, $compose VARCHAR[] = null
-- $comparison_set: who is ranked (null = every region of the level); $regions: which of them are shown.
-- $compose: regions composed of counties ('name:01+03', staging macro composed_observations), shown beside the
--   counties (level 'composed', at the county level or all levels) with their value and no place of their own:
--   rank, gap and verdict stay null and decisive false, so a composed region never enters a top-five count.
with

ranked as (
    select * exclude (sort_value)
    from ranked_shown($comparison_set, $regions, $indicator, $year, $year_from, $year_to, $latest, $level)
),

composed as (
    select
        c.indicator_id,
        c.year,
        c.region_code,
        c.region_name_sv,
        c.region_name_en,
        c.region_kind,
        c.level,
        c.value,
        c.status,
        i.unit,
        false as decisive,
        c.source_id,
        c.members_sv,
        c.members_en,
        c.composed_reason,
        c.members_missing_sv,
        c.members_missing_en
    from composed_observations($compose, $indicator) as c
    join indicators as i using (indicator_id)
    where ($level is null or $level = 'county')
      and ($indicator is null or c.indicator_id = $indicator)
      and ($year is null or c.year = $year)
      and ($year_from is null or c.year >= $year_from)
      and ($year_to is null or c.year <= $year_to)
      and (not coalesce($latest, false)
           or (c.indicator_id, c.year) in (select (indicator_id, year) from latest_years_in($year_from, $year_to)
                                           where level = 'county'))
)

from ranked
union all by name
from composed
order by indicator_id, year, level, rank nulls last, region_code
