-- purpose: A county's state appropriation (research or education) as the sum of its universities' appropriations, beside the county figure as published (with the difference) and both per inhabitant (SCB population on 31 December of Y-1); for Riket the published national total.
-- grain: one row per county (or Riket) and budget year that has a university value or a published county value;
--   amount_msek is null (and universities_missing names who) when a listed university of the county lacks a value
-- params: $indicator VARCHAR, $year INTEGER = null, $regions VARCHAR[] = null
--   $indicator is the county-level indicator (appropriation_research_msek or appropriation_education_msek); the
--   universities' own rows are stored as the same id with _university_msek in place of _msek. The sum and its
--   rules live in the staging view county_appropriations (queries/models/80_county_appropriations.sql).
select
    a.region_code,
    r.name_sv as region_name_sv,
    r.name_en as region_name_en,
    a.year,
    a.amount_msek,
    a.amount_basis,
    a.university_sum as university_sum_msek,
    a.n_universities,
    a.universities,
    a.universities_missing,
    a.amount_msek is not null as complete,
    a.published_msek,
    a.amount_msek - a.published_msek as difference_msek,
    a.published_source_id,
    a.source_ids as university_source_ids,
    a.any_uncertain,
    p.population_year,
    p.population,
    a.amount_msek * 1000000 / p.population as per_capita_sek,
    a.published_msek * 1000000 / p.population as published_per_capita_sek,
    p.population_source_id
from county_appropriations as a
join stg_regions as r on r.region_code = a.region_code
left join population_before_year as p on p.region_code = a.region_code and p.year = a.year
where a.indicator_id = $indicator
  and ($year is null or a.year = $year)
  and ($regions is null or list_contains($regions, a.region_code))
order by a.year, a.region_code
