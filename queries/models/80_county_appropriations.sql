-- model: county_appropriations
-- purpose: A county's (and Riket's) state appropriation (research or education) as the sum of its universities'
--   own appropriations, beside the county or national figure as published.
-- grain: one row per county-level appropriation indicator, county (or Riket) and budget year that has a
--   university value or a published value of its own
-- Rules, in words:
-- * The county-level indicators are those with a university twin: appropriation_research_msek has its
--   universities' rows under appropriation_research_university_msek (same id, _university_msek for _msek).
-- * The universities a sum needs are those with a line of that university indicator in any year (every state
--   university of the budget bill's UO 16 specification); one never funded there (SLU under UO 23, Chalmers
--   through a grant to its foundation) is never listed. Riket needs every such university of every county.
-- * amount_msek is the sum when every needed university has a value that year ('sum_of_universities'); when
--   one is missing the sum stays null ('incomplete_sum') and universities_missing names who. Without any
--   university value the published figure is the amount ('published_county'); Riket without a complete sum
--   keeps its published national total ('published_total'), never a partial sum (and has no row without one).
-- * source_ids: the sources of the summed university values, comma-separated.
create or replace view county_appropriations as
with

appropriation_pairs as (
    select county.indicator_id, university.indicator_id as university_indicator_id
    from indicators as county
    join indicators as university
        on university.indicator_id = replace(county.indicator_id, '_msek', '_university_msek')
    where county.indicator_id like 'appropriation_%_msek'
      and county.indicator_id not like '%_university_msek'
),

university_values as (
    select pair.indicator_id, u.county_code as region_code, o.year, o.value, o.status, o.source_id, u.name_sv
    from observations as o
    join appropriation_pairs as pair on pair.university_indicator_id = o.indicator_id
    join regions as u on u.region_code = o.region_code
    where u.kind = 'university'
      and u.county_code is not null
      and o.value is not null
),

all_values as (
    select * from university_values
    union all
    select v.indicator_id, country.region_code, v.year, v.value, v.status, v.source_id, v.name_sv
    from university_values as v
    cross join (select region_code from regions where kind = 'country') as country
),

funded_universities as (
    select distinct pair.indicator_id, u.county_code as region_code, u.name_sv
    from regions as u
    join observations as o on o.region_code = u.region_code
    join appropriation_pairs as pair on pair.university_indicator_id = o.indicator_id
    where u.kind = 'university'
      and u.county_code is not null
),

needed_universities as (
    select indicator_id, region_code, name_sv from funded_universities
    union all
    select f.indicator_id, country.region_code, f.name_sv
    from funded_universities as f
    cross join (select region_code from regions where kind = 'country') as country
),

university_sums as (
    select
        indicator_id,
        region_code,
        year,
        sum(value) as university_sum,
        count(*) as n_universities,
        string_agg(name_sv, ', ' order by name_sv) as universities,
        string_agg(distinct source_id, ',' order by source_id) as source_ids,
        bool_or(status <> 'published') as any_uncertain
    from all_values
    group by indicator_id, region_code, year
),

published_totals as (
    select o.indicator_id, o.region_code, o.year, o.value as published_msek, o.source_id as published_source_id
    from observations as o
    join appropriation_pairs as pair using (indicator_id)
    where o.value is not null
      and o.region_code in (select region_code from regions where kind in ('county', 'country'))
),

county_years as (
    select indicator_id, region_code, year from university_sums
    union
    select indicator_id, region_code, year from published_totals
),

missing_universities as (
    select cy.indicator_id, cy.region_code, cy.year,
           string_agg(f.name_sv, ', ' order by f.name_sv) as universities_missing
    from county_years as cy
    join needed_universities as f on f.region_code = cy.region_code and f.indicator_id = cy.indicator_id
    left join all_values as v
        on v.indicator_id = cy.indicator_id and v.region_code = cy.region_code and v.year = cy.year
       and v.name_sv = f.name_sv
    where v.value is null
    group by cy.indicator_id, cy.region_code, cy.year
)

select
    cy.indicator_id,
    cy.region_code,
    cy.year,
    case
        when s.university_sum is not null and m.universities_missing is null then s.university_sum
        when s.university_sum is null or r.kind = 'country' then p.published_msek
    end as amount_msek,
    case
        when s.university_sum is not null and m.universities_missing is null then 'sum_of_universities'
        when r.kind = 'country' and (p.published_msek is not null or s.university_sum is null) then 'published_total'
        when s.university_sum is not null then 'incomplete_sum'
        else 'published_county'
    end as amount_basis,
    s.university_sum,
    coalesce(s.n_universities, 0) as n_universities,
    s.universities,
    m.universities_missing,
    s.source_ids,
    p.published_msek,
    p.published_source_id,
    coalesce(s.any_uncertain, false) as any_uncertain
from county_years as cy
join regions as r on r.region_code = cy.region_code
left join university_sums as s
    on s.indicator_id = cy.indicator_id and s.region_code = cy.region_code and s.year = cy.year
left join missing_universities as m
    on m.indicator_id = cy.indicator_id and m.region_code = cy.region_code and m.year = cy.year
left join published_totals as p
    on p.indicator_id = cy.indicator_id and p.region_code = cy.region_code and p.year = cy.year
where r.kind = 'county'
   or (r.kind = 'country' and not (s.university_sum is not null and m.universities_missing is not null
                                   and p.published_msek is null));
