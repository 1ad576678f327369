-- purpose: Comparable international indicators for NUTS 2 regions (Eurostat's R&D, patents, high-tech employment): each NUTS 2 region's latest value per indicator and its rank among the NUTS 2 regions with a value that year. Only regions of kind nuts2 are ranked (the level guard: a county figure is never ranked among NUTS 2 regions); is_home marks the home region's NUTS 2 region.
-- grain: one row per indicator and NUTS 2 region (its latest year)
-- params: $region VARCHAR = null, $indicator VARCHAR = null
with

nuts2_home as (
    select nuts2 from regions where region_code = $region
),

nuts2_latest as (
    select o.*
    from observations as o
    join regions as r using (region_code)
    where r.kind = 'nuts2'
      and o.indicator_id like 'eu\_%' escape '\'
      and o.value is not null
      and ($indicator is null or o.indicator_id = $indicator)
    qualify o.year = max(o.year) over (partition by o.indicator_id)
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
    rank() over (
        partition by l.indicator_id
        order by case i.direction when 'lower' then l.value else -l.value end
    ) as rank,
    count(*) over (partition by l.indicator_id) as n_ranked,
    coalesce(r.nuts2 in (select nuts2 from nuts2_home), false) as is_home
from nuts2_latest as l
join regions as r using (region_code)
join indicators as i using (indicator_id)
order by l.indicator_id, rank, r.nuts2
