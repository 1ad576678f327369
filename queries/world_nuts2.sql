-- purpose: Comparable international indicators for NUTS 2 regions (Eurostat's R&D, patents, high-tech employment): each NUTS 2 region's value per indicator in the indicator's shown year (the latest year in which the home region's NUTS 2 region has a value, else the latest year with any) and its rank among the NUTS 2 regions with a value that year, read from the staging layer's ranking (ranked_observations: ranks never mix levels, so a county figure is never ranked among NUTS 2 regions); is_home marks the home region's NUTS 2 region.
-- grain: one row per indicator and NUTS 2 region with a value in the indicator's shown year
-- params: $region VARCHAR = null, $indicator VARCHAR = null
with

nuts2_home as (
    select nuts2 from regions where region_code = $region
),

nuts2_ranked as (
    -- ranked among the NUTS 2 regions only (a ranking never mixes levels), so the rest of the observations
    -- (a million at scale) are not ranked to be thrown away
    select *
    from ranked_among((select list(region_code) from stg_regions where level = 'nuts2'), $indicator, null, null,
                      null, null)
    where level = 'nuts2'
      and indicator_id like 'eu\_%' escape '\'
      and sort_value is not null
      and ($indicator is null or indicator_id = $indicator)
),

nuts2_shown_year as (
    -- the home region's latest year, so it is ranked in a year it has (R&D is surveyed in odd years in Sweden)
    select
        indicator_id,
        coalesce(
            max(year) filter (where region_code in (
                select region_code from regions where kind = 'nuts2' and nuts2 in (select nuts2 from nuts2_home))),
            max(year)
        ) as year
    from nuts2_ranked
    group by indicator_id
),

nuts2_latest as (
    select l.*
    from nuts2_ranked as l
    join nuts2_shown_year using (indicator_id, year)
)

select
    l.indicator_id,
    l.year,
    l.region_code,
    r.name_sv,
    r.name_en,
    r.nuts2,
    l.value,
    l.value_text,
    l.status,
    l.note,
    l.source_id,
    l.rank,
    l.n_ranked,
    coalesce(r.nuts2 in (select nuts2 from nuts2_home), false) as is_home
from nuts2_latest as l
join regions as r using (region_code)
order by l.indicator_id, l.rank, r.nuts2
