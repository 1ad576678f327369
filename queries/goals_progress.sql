-- purpose: Each strategy goal with its indicator's latest value for the goal's region, the target and the gap to it.
-- grain: one row per goal_id
-- params: $owner VARCHAR = null
with

goals_selected as (
    select *
    from goals
    where $owner is null or owner = $owner
),

latest as (
    select
        o.region_code,
        o.indicator_id,
        o.year,
        coalesce(o.value, o.value_low) as value,
        o.value_text,
        o.source_id,
        row_number() over (
            partition by o.region_code, o.indicator_id order by o.year desc
        ) as recency
    from observations as o
    where coalesce(o.value, o.value_low) is not null
)

select
    g.goal_id,
    g.owner,
    g.title_sv,
    g.title_en,
    g.goal_text,
    g.indicator_id,
    g.region_code,
    r.name_sv as region_name_sv,
    r.name_en as region_name_en,
    g.target_value,
    g.target_comparator,
    g.target_year,
    l.year as latest_year,
    l.value as latest_value,
    l.value_text as latest_value_text,
    case g.target_comparator
        when '<=' then l.value - g.target_value
        when '>=' then g.target_value - l.value
    end as gap,
    case g.target_comparator
        when '<=' then l.value <= g.target_value
        when '>=' then l.value >= g.target_value
    end as target_met,
    g.source_id,
    g.note
from goals_selected as g
left join regions as r using (region_code)
left join latest as l
    on l.region_code = g.region_code
   and l.indicator_id = g.indicator_id
   and l.recency = 1
order by g.owner, g.goal_id
