-- model: compositions_of(compose), composed_observations(compose, indicator_id_)
-- purpose: Regions a user composes of counties ("Stockholm–Uppsala" = 01 + 03), every indicator rebuilt from
--   its members the right way, as data/indicator_aggregation.csv says: 'sum' adds the members' values;
--   'ratio' divides the sum of one indicator by the sum of another (times factor), never an average of the
--   members' ratios; 'none' (ranks and published places, always, whatever the file says; shares whose parts are not in the data, and any
--   indicator without a row there) is never computed.
-- compose: the compositions as text, one entry each, 'name:code+code' (regionstats/composition.py checks them
--   before they get here). The composed region's code is its members joined by '+', e.g. '01+03'.
-- grain of compositions_of: one row per composed region and member
-- grain of composed_observations: one row per composed region, indicator and year in which any member has a
--   row for the indicator (or, for a ratio, for one of its parts); indicator_id_ = null: every indicator.
--   Only the members' rows of the parts asked for are read, so without a composition it costs a scan.
--
-- Rules, in words:
-- * A member's value is the one-basis amount of model 82 (amounts_on_one_basis): its own observation, and for an
--   appropriation the complete sum of its universities' lines before it, as queries/per_capita.sql counts it.
-- * Complete: every member has a value of every part that year. Otherwise the value is null, status
--   'missing', composed_reason 'incomplete' and members_missing names who: a partial sum is never shown as
--   the whole. A denominator summing to 0 gives 'zero_denominator'; an indicator that cannot be rebuilt
--   'not_composable'.
-- * Uncertain (provisional / conflicting) when any part used is: the least certain status wins.
-- * A composed region is not a county: it is never ranked (ranked_among reads stg_observations only), has no
--   published place, and the questions show it beside the counties with "no place of its own".
create or replace macro compositions_of(compose) as table
with

entries as (
    select distinct
        regexp_extract(entry, '^(.*):([^:]+)$', 1) as name,
        regexp_extract(entry, '^(.*):([^:]+)$', 2) as region_code
    from (select unnest(coalesce(compose, []::varchar[])) as entry)
)

select
    e.region_code,
    e.name,
    m.member_code,
    r.name_sv as member_name_sv,
    r.name_en as member_name_en,
    len(string_split(e.region_code, '+')) as n_members
from entries as e,
     unnest(string_split(e.region_code, '+')) as m(member_code)
join regions as r on r.region_code = m.member_code and r.kind = 'county'
where e.name <> '';

create or replace macro composed_observations(compose, indicator_id_) as table
with

members as (from compositions_of(compose)),

rules as (
    select
        i.indicator_id,
        -- a published place is never aggregated, whatever a row says
        case when i.unit = 'rank' then 'none' else coalesce(a.aggregation, 'none') end as aggregation,
        a.numerator_id,
        a.denominator_id,
        coalesce(a.factor, 1.0) as factor
    from indicators as i
    left join indicator_aggregation as a using (indicator_id)
    where indicator_id_ is null or i.indicator_id = indicator_id_
),

-- the indicators each composed indicator is built of: itself for a sum and for 'none' (to know the years),
-- numerator and denominator for a ratio
parts as (
    select indicator_id, aggregation, factor, 'whole' as part, indicator_id as part_id
    from rules where aggregation in ('sum', 'none')
    union all
    select indicator_id, aggregation, factor, 'numerator', numerator_id from rules where aggregation = 'ratio'
    union all
    select indicator_id, aggregation, factor, 'denominator', denominator_id from rules where aggregation = 'ratio'
),

-- a member's value on the one basis per_capita.sql takes (model 82): for appropriations the complete sum of
-- its universities' budget-bill lines beats its own observation
member_rows as (
    select region_code, indicator_id, year, amount as value, amount_status as status, amount_source_id as source_id
    from amounts_on_one_basis((select list(distinct part_id) from parts))
    where region_code in (select member_code from members)
),

member_values as (
    select region_code, indicator_id, year, value, status, source_id
    from member_rows
    where value is not null
),

part_years as (
    select distinct m.region_code, p.indicator_id, o.year
    from members as m
    join member_rows as o on o.region_code = m.member_code
    join parts as p on p.part_id = o.indicator_id
),

member_parts as (
    select
        y.region_code, y.indicator_id, y.year, p.aggregation, p.factor, p.part,
        m.member_code, m.member_name_sv, m.member_name_en, m.n_members,
        v.value, v.status, v.source_id
    from part_years as y
    join parts as p using (indicator_id)
    join members as m on m.region_code = y.region_code
    left join member_values as v
        on v.region_code = m.member_code and v.indicator_id = p.part_id and v.year = y.year
),

part_sums as (
    select
        region_code, indicator_id, year, part,
        any_value(aggregation) as aggregation,
        any_value(factor) as factor,
        sum(value) as part_sum,
        count(value) = any_value(n_members) as complete,
        list(distinct member_code order by member_code) filter (where value is null) as missing_codes,
        bool_or(status = 'conflicting') as any_conflicting,
        bool_or(status = 'provisional') as any_provisional,
        list(distinct source_id order by source_id) filter (where source_id is not null) as source_ids
    from member_parts
    group by region_code, indicator_id, year, part
),

combined as (
    select
        region_code, indicator_id, year,
        any_value(aggregation) as aggregation,
        any_value(factor) as factor,
        bool_and(complete) as complete,
        max(part_sum) filter (where part in ('whole', 'numerator')) as numerator_sum,
        max(part_sum) filter (where part = 'denominator') as denominator_sum,
        list_distinct(flatten(list(missing_codes))) as missing_codes,
        bool_or(any_conflicting) as any_conflicting,
        bool_or(any_provisional) as any_provisional,
        list_sort(list_distinct(flatten(list(source_ids)))) as source_ids
    from part_sums
    group by region_code, indicator_id, year
),

valued as (
    select
        *,
        case
            when aggregation = 'none' then 'not_composable'
            when not complete then 'incomplete'
            when aggregation = 'ratio' and denominator_sum = 0 then 'zero_denominator'
            else 'complete'
        end as composed_reason
    from combined
),

names as (
    select
        region_code,
        any_value(name) as name,
        string_agg(member_name_sv, ' + ' order by member_code) as members_sv,
        string_agg(member_name_en, ' + ' order by member_code) as members_en
    from members
    group by region_code
),

missing_names as (
    select v.region_code, v.indicator_id, v.year,
           string_agg(m.member_name_sv, ', ' order by m.member_code) as members_missing_sv,
           string_agg(m.member_name_en, ', ' order by m.member_code) as members_missing_en
    from valued as v, unnest(v.missing_codes) as u(code)
    join members as m on m.region_code = v.region_code and m.member_code = u.code
    where v.composed_reason = 'incomplete'
    group by v.region_code, v.indicator_id, v.year
)

select
    v.region_code,
    v.indicator_id,
    v.year,
    case
        when v.composed_reason <> 'complete' then null
        when v.aggregation = 'sum' then v.numerator_sum
        else v.factor * v.numerator_sum / v.denominator_sum
    end as value,
    case
        when v.composed_reason <> 'complete' then 'missing'
        when v.any_conflicting then 'conflicting'
        when v.any_provisional then 'provisional'
        else 'published'
    end as status,
    v.source_ids[1] as source_id,
    array_to_string(v.source_ids, ',') as source_ids,
    'composed' as region_kind,
    'composed' as level,
    n.name as region_name_sv,
    n.name as region_name_en,
    n.members_sv,
    n.members_en,
    mn.members_missing_sv,
    mn.members_missing_en,
    v.aggregation,
    v.composed_reason
from valued as v
join names as n using (region_code)
left join missing_names as mn using (region_code, indicator_id, year)
where compose is not null;  -- a constant without a composition: the planner then drops all of the above
