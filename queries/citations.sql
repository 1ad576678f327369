-- purpose: Citation average in clinical research against the world average line of 10 %, with publication volume and share of Sweden.
-- grain: one row per region_code and year (the last year of the bibliometric period)
-- params: $regions VARCHAR[] = null, $year INTEGER = null, $year_to INTEGER = null
with

bibliometrics as (
    select
        region_code,
        any_value(region_name_sv) as region_name_sv,
        any_value(region_name_en) as region_name_en,
        any_value(region_kind) as region_kind,
        year,
        any_value(period_label) as period_label,
        max(value) filter (where indicator_id = 'citation_avg_clinical_pct') as citation_avg,
        max(status) filter (where indicator_id = 'citation_avg_clinical_pct') as status,
        max(note) filter (where indicator_id = 'citation_avg_clinical_pct') as note,
        max(value) filter (where indicator_id = 'publications_clinical') as publications,
        max(value) filter (where indicator_id = 'publications_clinical_share_pct') as publication_share_pct,
        any_value(source_id) as source_id
    from stg_observations
    where indicator_id in (
        'citation_avg_clinical_pct', 'publications_clinical', 'publications_clinical_share_pct'
    )
      and ($regions is null or list_contains($regions, region_code))
      and ($year is null or year = $year)
      and ($year_to is null or year <= $year_to)
    group by region_code, year
)

select
    b.region_code,
    b.region_name_sv,
    b.region_name_en,
    b.region_kind,
    b.year,
    b.period_label,
    b.citation_avg,
    -- the world average by definition: 10 % of publications among the world's 10 % most cited
    10.0 as world_average,
    b.citation_avg - 10.0 as difference_pp,
    b.citation_avg > 10.0 as above_world_average,
    b.publications,
    b.publication_share_pct,
    b.status,
    b.note,
    b.source_id
from bibliometrics as b
order by b.year, b.citation_avg desc nulls last, b.region_code
