-- purpose: An amount (MSEK or SEK) divided by population; for year Y the population is SCB's on 31 December of Y-1.
-- grain: one row per region_code and year of the amount
-- params: $indicator VARCHAR, $year INTEGER = null, $regions VARCHAR[] = null
with

amounts as (
    select
        o.region_code,
        o.year,
        o.value as amount,
        o.value_text as amount_text,
        o.status as amount_status,
        o.source_id as amount_source_id,
        o.note as amount_note,
        i.unit as amount_unit,
        case i.unit when 'msek' then 1000000 else 1 end as to_sek
    from observations as o
    join indicators as i using (indicator_id)
    where o.indicator_id = $indicator
      and ($year is null or o.year = $year)
      and ($regions is null or list_contains($regions, o.region_code))
),

population as (
    select
        region_code,
        year as population_year,
        value as population,
        status as population_status,
        note as population_note,
        source_id as population_source_id
    from observations
    where indicator_id = 'population'
      and value is not null
)

select
    a.region_code,
    r.name_sv as region_name_sv,
    r.name_en as region_name_en,
    a.year,
    a.amount,
    a.amount_text,
    a.amount_unit,
    a.amount_status,
    a.year - 1 as population_year,
    p.population,
    p.population_status,
    p.population_note,
    a.amount * a.to_sek / p.population as per_capita,
    a.amount_source_id,
    p.population_source_id,
    a.amount_note
from amounts as a
join regions as r using (region_code)
left join population as p
    on p.region_code = a.region_code
   and p.population_year = a.year - 1
where r.kind in ('county', 'country')
order by a.year, a.region_code
