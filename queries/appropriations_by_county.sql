-- purpose: A county's state appropriation (research or education) as the sum of its universities' appropriations, beside the county figure as published (with the difference) and both per inhabitant (SCB population on 31 December of Y-1); for Riket the published national total.
-- grain: one row per county (or Riket) and budget year that has a university value or a published county value;
--   amount_msek is null (and universities_missing names who) when a listed university of the county lacks a value
-- params: $indicator VARCHAR, $year INTEGER = null, $regions VARCHAR[] = null
--   $indicator is the county-level indicator (appropriation_research_msek or appropriation_education_msek); the
--   universities' own rows are stored as the same id with _university_msek in place of _msek
with

university_indicator as (
    select replace($indicator, '_msek', '_university_msek') as indicator_id
),

university_values as (
    select u.county_code as region_code, o.year, o.value, o.status, u.name_sv
    from observations as o
    join regions as u on u.region_code = o.region_code
    where o.indicator_id = (select indicator_id from university_indicator)
      and u.kind = 'university'
      and o.value is not null
),

-- the universities listed for each county, except those funded under another expenditure area (SLU, whose
-- research appropriation is stored as appropriation_research_uo23_msek)
funded_universities as (
    select u.county_code as region_code, u.name_sv
    from regions as u
    where u.kind = 'university'
      and u.county_code is not null
      and u.region_code not in (
          select region_code from observations where indicator_id = 'appropriation_research_uo23_msek'
      )
),

university_sums as (
    select
        region_code,
        year,
        sum(value) as university_sum,
        count(*) as n_universities,
        string_agg(name_sv, ', ' order by name_sv) as universities,
        bool_or(status <> 'published') as any_uncertain
    from university_values
    group by region_code, year
),

published_totals as (
    select o.region_code, o.year, o.value as published_msek, o.source_id as published_source_id
    from observations as o
    where o.indicator_id = $indicator
      and o.value is not null
      and o.region_code in (select region_code from regions where kind in ('county', 'country'))
),

county_years as (
    select region_code, year from university_sums
    union
    select region_code, year from published_totals
),

missing_universities as (
    select cy.region_code, cy.year, string_agg(f.name_sv, ', ' order by f.name_sv) as universities_missing
    from county_years as cy
    join funded_universities as f on f.region_code = cy.region_code
    left join university_values as v
        on v.region_code = cy.region_code and v.year = cy.year and v.name_sv = f.name_sv
    where v.value is null
    group by cy.region_code, cy.year
),

population_prior_year as (
    select region_code, year + 1 as year, value as population, year as population_year,
           source_id as population_source_id
    from observations
    where indicator_id = 'population'
      and value is not null
),

amounts as (
    select
        cy.region_code,
        cy.year,
        s.university_sum,
        coalesce(s.n_universities, 0) as n_universities,
        s.universities,
        m.universities_missing,
        p.published_msek,
        p.published_source_id,
        case
            when r.kind = 'country' then p.published_msek
            when s.university_sum is not null and m.universities_missing is null then s.university_sum
            when s.university_sum is null then p.published_msek
        end as amount_msek,
        case
            when r.kind = 'country' then 'published_total'
            when s.university_sum is not null and m.universities_missing is null then 'sum_of_universities'
            when s.university_sum is not null then 'incomplete_sum'
            else 'published_county'
        end as amount_basis,
        coalesce(s.any_uncertain, false) as any_uncertain
    from county_years as cy
    join regions as r on r.region_code = cy.region_code
    left join university_sums as s on s.region_code = cy.region_code and s.year = cy.year
    left join missing_universities as m on m.region_code = cy.region_code and m.year = cy.year
    left join published_totals as p on p.region_code = cy.region_code and p.year = cy.year
    where r.kind in ('county', 'country')
      and ($year is null or cy.year = $year)
      and ($regions is null or list_contains($regions, cy.region_code))
)

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
    a.any_uncertain,
    pp.population_year,
    pp.population,
    a.amount_msek * 1000000 / pp.population as per_capita_sek,
    a.published_msek * 1000000 / pp.population as published_per_capita_sek,
    pp.population_source_id
from amounts as a
join regions as r on r.region_code = a.region_code
left join population_prior_year as pp on pp.region_code = a.region_code and pp.year = a.year
order by a.year, a.region_code
