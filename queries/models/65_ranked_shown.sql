-- model: ranked_shown(comparison_set, shown, indicator_id_, year_, year_from, year_to, latest, level_)
-- purpose: The columns a ranked row is shown with, listed once: ranked_selection's rows (same parameters) as
--   queries/rankings.sql and queries/top_five_gap.sql return them; each query leaves out what it does not show.
-- grain: one row per region_code, indicator_id and year
create or replace macro ranked_shown(comparison_set, shown, indicator_id_, year_, year_from, year_to, latest,
                                     level_) as table
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
    sort_value,
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
    top_places() as top_places,  -- the size of the top five, for a chart's band
    source_id
from ranked_selection(comparison_set, shown, indicator_id_, year_, year_from, year_to, latest, level_);
