-- purpose: Each strategy goal with its indicator's latest value for the goal's region (within the year window), the target and the gap to it, and the yearly follow-up: the baseline (the value in the strategy's year, the year its source was published: the latest value at or before it, else the first after), the trend (regr_slope per year over every value up to the latest), and the progress in words of the follow-up (progress, progress_reason): on_track, off_track or not_measurable with its reason. A goal with a target: met = on_track; not met when the data has reached the target year = off_track; else the trend carried to the target year reaching the target = on_track, not = off_track, one value only = not_measurable. A goal without a target ("more", "a leader"): the latest value better than the baseline in the indicator's direction = on_track, not better = off_track, no value after the baseline = not_measurable.
-- grain: one row per goal_id
-- params: $owner VARCHAR = null, $year_from INTEGER = null, $year_to INTEGER = null
with

goal_indicators as (
    select list(distinct indicator_id) as ids from goals where indicator_id is not null
),

goal_latest as (
    select
        g.*,
        l.year as latest_year,
        l.sort_value as latest_value,
        l.value_text as latest_value_text,
        l.status as latest_status,
        l.note as latest_note,
        l.direction,
        try_cast(left(s.published, 4) as integer) as strategy_year
    from goals as g
    left join latest_values_in($year_from, $year_to, (select ids from goal_indicators)) as l
        on l.region_code = g.region_code
       and l.indicator_id = g.indicator_id
    left join sources as s on s.source_id = g.source_id
),

goal_history as (
    select
        g.goal_id,
        o.year,
        o.sort_value,
        o.value_text
    from goal_latest as g
    join stg_observations as o
        on o.region_code = g.region_code
       and o.indicator_id = g.indicator_id
       and o.has_value
       and o.year <= g.latest_year
    where o.indicator_id in (select unnest(ids) from goal_indicators)  -- the goals' indicators, read alone
),

goal_baselines as (
    select h.goal_id, h.year as baseline_year, h.sort_value as baseline_value, h.value_text as baseline_value_text
    from goal_history as h
    join goal_latest as g using (goal_id)
    qualify row_number() over (
        partition by h.goal_id
        order by (h.year <= coalesce(g.strategy_year, 0)) desc,
                 case when h.year <= coalesce(g.strategy_year, 0) then -h.year else h.year end
    ) = 1
),

goal_trends as (
    select goal_id, count(*) as n_values, regr_slope(sort_value, year) as trend_per_year
    from goal_history
    group by goal_id
),

goal_measured as (
    select
        g.*,
        b.baseline_year,
        b.baseline_value,
        b.baseline_value_text,
        coalesce(tr.n_values, 0) as n_values,
        tr.trend_per_year,
        case when tr.n_values >= 2 and g.target_year > g.latest_year
            then g.latest_value + tr.trend_per_year * (g.target_year - g.latest_year)
        end as projected_value,
        case g.target_comparator
            when '<=' then g.latest_value - g.target_value
            when '>=' then g.target_value - g.latest_value
        end as gap,
        case g.target_comparator
            when '<=' then g.latest_value <= g.target_value
            when '>=' then g.latest_value >= g.target_value
        end as target_met
    from goal_latest as g
    left join goal_baselines as b using (goal_id)
    left join goal_trends as tr using (goal_id)
),

goal_statuses as (
    select
        *,
        case
            when indicator_id is null then 'no_indicator'
            when latest_value is null then 'no_data'
            when target_value is not null and target_met then 'target_met'
            when target_value is not null and target_year is not null and latest_year >= target_year
                then 'target_year_reached'
            when target_value is not null and n_values < 2 then 'one_value'
            when target_value is not null and target_year is null then 'no_target_year'
            when target_value is not null
                 and ((target_comparator = '<=' and projected_value <= target_value)
                      or (target_comparator = '>=' and projected_value >= target_value))
                then 'trend_reaches_target'
            when target_value is not null then 'trend_misses_target'
            when baseline_year >= latest_year then 'no_value_after_baseline'
            when (direction = 'lower' and latest_value < baseline_value)
                 or (direction is distinct from 'lower' and latest_value > baseline_value)
                then 'better_than_baseline'
            else 'not_better_than_baseline'
        end as progress_reason
    from goal_measured
)

select
    s.goal_id,
    s.owner,
    s.title_sv,
    s.title_en,
    s.goal_text,
    s.indicator_id,
    s.region_code,
    r.name_sv as region_name_sv,
    r.name_en as region_name_en,
    s.target_value,
    s.target_comparator,
    s.target_year,
    s.latest_year,
    s.latest_value,
    s.latest_value_text,
    s.latest_status,
    s.latest_note,
    s.gap,
    s.target_met,
    s.strategy_year,
    s.baseline_year,
    s.baseline_value,
    s.baseline_value_text,
    s.n_values,
    s.trend_per_year,
    s.projected_value,
    case
        when s.progress_reason in ('target_met', 'trend_reaches_target', 'better_than_baseline') then 'on_track'
        when s.progress_reason in ('target_year_reached', 'trend_misses_target', 'not_better_than_baseline')
            then 'off_track'
        else 'not_measurable'
    end as progress,
    s.progress_reason,
    s.source_id,
    s.note
from goal_statuses as s
left join stg_regions as r using (region_code)
where $owner is null or s.owner = $owner
order by s.owner, s.goal_id
