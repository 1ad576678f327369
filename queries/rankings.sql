-- purpose: Rank of each region per indicator and year from the one ranking rule (queries/models/40_ranked.sql): a published place as published, any other value among the regions of one level in the comparison set, with the list it is a place in.
-- grain: one row per indicator_id, year and region_code shown
-- params: $indicator VARCHAR = null, $year INTEGER = null, $year_from INTEGER = null, $year_to INTEGER = null, $latest BOOLEAN = null, $level VARCHAR = null, $comparison_set VARCHAR[] = null, $regions VARCHAR[] = null
-- $comparison_set: who is ranked (null = every region of the level); $regions: which of them are shown.
select * exclude (unit, n_tied, fifth_value, fifth_region_sv, fifth_region_en, gap, gap_pct, in_top_five, verdict,
                 decisive)
from ranked_shown($comparison_set, $regions, $indicator, $year, $year_from, $year_to, $latest, $level)
order by indicator_id, year, level, rank nulls last, region_code
