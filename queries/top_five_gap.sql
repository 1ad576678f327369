-- purpose: Distance to the top five per indicator and year: each region's rank, the fifth best value, the gap to it (in the indicator's unit and in per cent) and whether the region is in the top five. For a rank indicator the rank is the published place and the gap is in places.
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
        o.source_id,
        i.unit,
        i.direction,
        coalesce(o.value, o.value_low) as sort_value,
        o.value_high
    from observations as o
    join indicators as i using (indicator_id)
    join comparison_set using (region_code)
    where ($indicator is null or o.indicator_id = $indicator)
      and ($year is null or o.year = $year)
),

ranked as (
    select
        *,
        case
            when sort_value is null then null
            when unit = 'rank' then sort_value::integer
            else rank() over (
                partition by indicator_id, year
                order by case direction when 'lower' then sort_value else -sort_value end
            )
        end as rank,
        count(sort_value) over (partition by indicator_id, year) as n_ranked
    from scored
),

fifth as (
    select
        indicator_id,
        year,
        case
            when any_value(unit) = 'rank' then 5
            when any_value(direction) = 'lower' then list_sort(list(sort_value))[5]
            else list_reverse_sort(list(sort_value))[5]
        end as fifth_value
    from scored
    where sort_value is not null
    group by indicator_id, year
),

fifth_holders as (
    select
        s.indicator_id,
        s.year,
        string_agg(c.name_sv, ', ' order by c.name_sv) as fifth_region_sv,
        string_agg(c.name_en, ', ' order by c.name_en) as fifth_region_en
    from scored as s
    join fifth as f
        on f.indicator_id = s.indicator_id
       and f.year = s.year
       and f.fifth_value = s.sort_value
    join comparison_set as c using (region_code)
    group by s.indicator_id, s.year
),

gaps as (
    select
        r.*,
        f.fifth_value,
        case r.direction
            when 'lower' then r.sort_value - f.fifth_value
            else f.fifth_value - r.sort_value
        end as gap
    from ranked as r
    left join fifth as f using (indicator_id, year)
)

select
    g.indicator_id,
    g.year,
    g.region_code,
    c.name_sv as region_name_sv,
    c.name_en as region_name_en,
    c.kind as region_kind,
    g.value,
    g.value_text,
    g.status,
    g.unit,
    g.rank,
    g.n_ranked,
    g.fifth_value,
    h.fifth_region_sv,
    h.fifth_region_en,
    g.gap,
    100.0 * g.gap / abs(g.fifth_value) as gap_pct,
    case
        when g.sort_value is null or g.fifth_value is null then null
        when g.unit = 'rank' then coalesce(g.value_high, g.sort_value) <= 5
        else g.gap <= 0
    end as in_top_five,
    g.source_id
from gaps as g
join comparison_set as c using (region_code)
left join fifth_holders as h using (indicator_id, year)
order by g.indicator_id, g.year, g.rank nulls last, g.region_code
