-- purpose: Observations of the chosen indicators, regions and years, with names, units and sources; $limit keeps the first rows (n_total counts them all).
-- grain: one row per region_code, indicator_id and year
-- params: $indicators VARCHAR[] = null, $regions VARCHAR[] = null, $year_from INTEGER = null, $year_to INTEGER = null, $limit INTEGER = null
with

-- not materialized: read once for the count and once for the rows shown (the count over every row beside each
-- row made DuckDB hold the whole selection, a quarter of a million rows at a million observations, for 1 000)
filtered as not materialized (
    select *
    from stg_observations
    where ($indicators is null or list_contains($indicators, indicator_id))
      and ($regions is null or list_contains($regions, region_code))
      and ($year_from is null or year >= $year_from)
      and ($year_to is null or year <= $year_to)
),

counted as (
    select count(*) as n_total from filtered
)

select
    f.region_code,
    f.region_name_sv,
    f.region_name_en,
    f.region_kind,
    f.indicator_id,
    i.name_sv as indicator_name_sv,
    i.name_en as indicator_name_en,
    f.unit,
    i.unit_sv,
    i.unit_en,
    f.decimals,
    f.year,
    f.period_label,
    f.value,
    f.value_text,
    f.value_low,
    f.value_high,
    f.status,
    f.note,
    f.source_id,
    s.publisher,
    s.title as source_title,
    s.url as source_url,
    (select n_total from counted) as n_total
from filtered as f
join stg_indicators as i using (indicator_id)
join sources as s using (source_id)
order by f.indicator_id, f.year, f.region_code
limit coalesce($limit, 9223372036854775807)
