-- purpose: Each strategy goal with its indicator's latest value for the goal's region (within the year window), the target and the gap to it.
-- grain: one row per goal_id
-- params: $owner VARCHAR = null, $year_from INTEGER = null, $year_to INTEGER = null
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
    l.sort_value as latest_value,
    l.value_text as latest_value_text,
    l.status as latest_status,
    l.note as latest_note,
    case g.target_comparator
        when '<=' then l.sort_value - g.target_value
        when '>=' then g.target_value - l.sort_value
    end as gap,
    case g.target_comparator
        when '<=' then l.sort_value <= g.target_value
        when '>=' then l.sort_value >= g.target_value
    end as target_met,
    g.source_id,
    g.note
from goals as g
left join stg_regions as r using (region_code)
left join latest_values_in($year_from, $year_to) as l
    on l.region_code = g.region_code
   and l.indicator_id = g.indicator_id
where $owner is null or g.owner = $owner
order by g.owner, g.goal_id
