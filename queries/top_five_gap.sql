-- purpose: Distance to the top five per indicator and year from the one ranking rule (queries/models/40_ranked.sql): rank, the fifth best value and who holds it, the gap (in the unit; in places for a published place), the verdict and whether it is decisive.
-- grain: one row per indicator_id, year and region_code shown
-- params: $indicator VARCHAR = null, $year INTEGER = null, $year_from INTEGER = null, $year_to INTEGER = null, $latest BOOLEAN = null, $level VARCHAR = null, $comparison_set VARCHAR[] = null, $regions VARCHAR[] = null
-- $comparison_set: who is ranked (null = every region of the level); $regions: which of them are shown.
select
    indicator_id,
    year,
    region_code,
    region_name_sv,
    region_name_en,
    region_kind,
    level,
    value,
    value_text,
    status,
    is_uncertain,
    note,
    unit,
    rank,
    rank_kind,
    n_ranked,
    n_tied,
    list_size,
    list_scope,
    list_scope_sv,
    list_scope_en,
    fifth_value,
    fifth_region_sv,
    fifth_region_en,
    gap,
    gap_pct,
    in_top_five,
    verdict,
    decisive,
    source_id
from ranked_selection($comparison_set, $regions, $indicator, $year, $year_from, $year_to, $latest, $level)
order by indicator_id, year, level, rank nulls last, region_code
