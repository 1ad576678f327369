-- purpose: The snapshot a data version keeps (regionstats/versions.py): every observation with its value, status and source, and the rank, top-five verdict and (on an international list) ladder place the one ranking rule (queries/models/40_ranked.sql) gives it; Riket's values are kept, never ranked.
-- grain: one row per region_code, indicator_id and year
-- params: none
select
    o.region_code,
    o.county_code,
    o.indicator_id,
    o.year,
    o.value,
    o.value_text,
    o.has_value,
    o.status,
    o.source_id,
    r.rank,
    r.n_ranked,
    r.rank_kind,
    r.verdict,
    o.indicator_id in (select indicator_id from ladders) as is_ladder
from stg_observations as o
left join ranked_observations as r using (region_code, indicator_id, year)
order by o.indicator_id, o.year, o.region_code
