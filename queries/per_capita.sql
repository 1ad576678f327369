-- purpose: An amount (MSEK or SEK) divided by population; for year Y the population is SCB's on 31 December of Y-1. For the appropriations (appropriation_research_msek, appropriation_education_msek) every county and Riket with a complete sum of its universities' budget-bill lines gets that sum (staging view county_appropriations, read through the staging macro per_capita_in), so that one year ranks every county on one basis; amount_basis says which. With $latest, only the year the per-inhabitant bars show, chosen in SQL by the one year rule (staging macro per_capita_year).
-- grain: one row per region_code (counties and Riket) and year of the amount
-- params: $indicator VARCHAR, $year INTEGER = null, $regions VARCHAR[] = null, $year_from INTEGER = null, $year_to INTEGER = null, $compose VARCHAR[] = null, $latest BOOLEAN = null
--   $year picks one year; $year_from/$year_to a range (null: no bound).
--   $latest: only the year the county pages show per inhabitant: within $year_from-$year_to, the latest year in
--   which a county has a value per inhabitant (its amount, a sum of universities included, and the population of
--   the year before), else the latest year in which a county has an amount; no rows without one.
--   amount_basis: 'sum_of_universities' (universities names them; amount_source_ids lists every source) or
--   'published' (the region's own row, as published; its status may be missing) or 'incomplete_sum'
--   (no own row and a university lacks a value: amount missing, universities_missing names who).
--   published_amount, published_per_capita, published_source_id: the region's own published row beside a sum
--   (e.g. the seed key-figures table's cells, whose year is uncertain), shown as printed, never ranked.
--   university_sum_msek (and university_sum_per_capita): the complete sum of the universities.
-- A complete sum wins over a region's own row; an own row with a value wins over an incomplete sum (per_capita_in).
-- $compose: regions composed of counties ('name:01+03', staging macro composed_observations), returned beside
--   the regions with amount_basis 'composed': the sum of the members' amounts over the sum of their
--   populations of 31 December Y-1; composed_reason and *_members_missing say when a member lacks one.
with

every_amount as materialized (
    from per_capita_in($indicator)
),

-- the year the per-inhabitant bars show ($latest): the one year rule over the counties' amounts per inhabitant
shown as (
    select per_capita_year(year, level, per_capita, amount, 'county') as year
    from every_amount
    where coalesce($latest, false)
      and ($year_from is null or year >= $year_from)
      and ($year_to is null or year <= $year_to)
),

amounts as (
    select *
    from every_amount
    where ($year is null or year = $year)
      and ($year_from is null or year >= $year_from)
      and ($year_to is null or year <= $year_to)
      and ($regions is null or list_contains($regions, region_code))
      and (not coalesce($latest, false) or year = (select year from shown))
),

composed_amounts as (
    select *
    from composed_observations($compose, $indicator)
    where indicator_id = $indicator
      and ($year is null or year = $year)
      and ($year_from is null or year >= $year_from)
      and ($year_to is null or year <= $year_to)
      and (not coalesce($latest, false) or year = (select year from shown))
),

composed_populations as (
    select region_code, year + 1 as year, year as population_year, value as population, status as population_status,
           source_id as population_source_id, composed_reason, members_missing_sv, members_missing_en
    from composed_observations($compose, 'population')
    where indicator_id = 'population'
)

select
    region_code,
    region_name_sv,
    region_name_en,
    year,
    amount,
    amount_text,
    amount_unit,
    amount_status,
    amount_basis,
    universities,
    universities_missing,
    university_sum_msek,
    university_sum_per_capita,
    population_year,
    population,
    population_status,
    population_note,
    per_capita,
    amount_source_id,
    amount_source_ids,
    population_source_id,
    amount_note,
    published_amount,
    published_per_capita,
    published_source_id
from amounts
where region_kind in ('county', 'country')

union all by name

select
    c.region_code,
    c.region_name_sv,
    c.region_name_en,
    c.year,
    c.value as amount,
    i.unit as amount_unit,
    c.status as amount_status,
    'composed' as amount_basis,
    c.year - 1 as population_year,
    p.population,
    coalesce(p.population_status, 'missing') as population_status,
    case when p.population is not null and c.value is not null then
        c.value * (case i.unit when 'msek' then 1000000 else 1 end) / p.population end as per_capita,
    c.source_id as amount_source_id,
    c.source_ids as amount_source_ids,
    p.population_source_id,
    c.members_sv,
    c.members_en,
    c.composed_reason,
    c.members_missing_sv,
    c.members_missing_en,
    coalesce(p.composed_reason, 'incomplete') as population_composed_reason,
    p.members_missing_sv as population_members_missing_sv,
    p.members_missing_en as population_members_missing_en
from composed_amounts as c
join indicators as i on i.indicator_id = $indicator
left join composed_populations as p on p.region_code = c.region_code and p.year = c.year
order by year, region_code
