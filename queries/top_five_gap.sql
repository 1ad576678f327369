-- purpose: Distance to the top five per indicator and year from the one ranking rule (queries/models/40_ranked.sql): rank, the fifth best value and who holds it, the gap (in the unit; in places for a published place), the verdict and whether it is decisive.
-- grain: one row per indicator_id, year and region_code shown
-- params: $indicator VARCHAR = null, $year INTEGER = null, $year_from INTEGER = null, $year_to INTEGER = null, $latest BOOLEAN = null, $level VARCHAR = null, $comparison_set VARCHAR[] = null, $regions VARCHAR[] = null
-- $comparison_set: who is ranked (null = every region of the level); $regions: which of them are shown.
select * exclude (sort_value)
from ranked_shown($comparison_set, $regions, $indicator, $year, $year_from, $year_to, $latest, $level)
order by indicator_id, year, level, rank nulls last, region_code
