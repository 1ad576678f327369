-- purpose: Rank of each region within a comparison set, per indicator and year, honouring direction (a rank is better when lower) and ties.
-- grain: one row per indicator_id, year and region_code in the comparison set
-- params: $indicator VARCHAR = null, $year INTEGER = null, $regions VARCHAR[] = null
with

comparison_set as (
    select region_code, name_sv, name_en, kind
    from regions
    where kind <> 'country'
      and ($regions is null or list_contains($regions, region_code))
),

scored as (
    select
        o.indicator_id,
        o.year,
        o.region_code,
        o.value,
        o.value_text,
        o.status,
        o.note,
        i.direction,
        -- a band such as 351-400 sorts by its best place
        coalesce(o.value, o.value_low) as sort_value
    from observations as o
    join indicators as i using (indicator_id)
    join comparison_set using (region_code)
    where ($indicator is null or o.indicator_id = $indicator)
      and ($year is null or o.year = $year)
),

ranked as (
    select
        *,
        rank() over (
            partition by indicator_id, year
            order by case direction when 'lower' then sort_value else -sort_value end
        ) as raw_rank,
        count(sort_value) over (partition by indicator_id, year) as n_ranked
    from scored
)

select
    r.indicator_id,
    r.year,
    r.region_code,
    c.name_sv as region_name_sv,
    c.name_en as region_name_en,
    c.kind as region_kind,
    r.value,
    r.value_text,
    r.sort_value,
    case when r.sort_value is null then null else r.raw_rank end as rank,
    r.n_ranked,
    r.status,
    r.note
from ranked as r
join comparison_set as c using (region_code)
order by r.indicator_id, r.year, rank nulls last, r.region_code
