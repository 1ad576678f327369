-- purpose: What changed between two data versions: the snapshots before_version and after_version (regionstats/versions.py, queries/version_snapshot.sql) loaded as tables of one connection. Every value that changed, tagged new_edition (a year newer than any the region had for the indicator), revised (same year, new value), new_source (same value, another source), newly_missing (a value that is gone) or filled (a value for an earlier year that had none); and, at each region's latest year with a value, every relative rank, top-five verdict and place on an international list (ladder_place) that changed, tagged new_edition (the latest year moved on), revised (same year: its figures were revised) or newly_missing. Sorted by what matters for the home region first: the home county and its cities and universities, then the focus regions, then verdicts, ladder places, ranks and values.
-- grain: one row per region_code, indicator_id, year and what (value, rank, verdict, ladder_place)
-- params: $home VARCHAR, $focus VARCHAR[] = null
with

change_keys as (
    select region_code, indicator_id, year from before_version
    union
    select region_code, indicator_id, year from after_version
),

before_latest_years as (
    select region_code, indicator_id, max(year) as latest_year
    from before_version
    where has_value
    group by region_code, indicator_id
),

value_pairs as (
    select
        k.region_code,
        coalesce(a.county_code, b.county_code) as county_code,
        k.indicator_id,
        k.year,
        coalesce(b.has_value, false) as had_value,
        coalesce(a.has_value, false) as has_value,
        b.value as before_value,
        b.value_text as before_text,
        b.source_id as before_source,
        a.value as after_value,
        a.value_text as after_text,
        a.source_id as after_source,
        l.latest_year as before_latest_year
    from change_keys as k
    left join before_version as b using (region_code, indicator_id, year)
    left join after_version as a using (region_code, indicator_id, year)
    left join before_latest_years as l using (region_code, indicator_id)
),

value_changes as (
    select
        *,
        case
            when had_value and not has_value then 'newly_missing'
            when had_value and has_value
                 and (before_value is distinct from after_value or before_text is distinct from after_text)
                then 'revised'
            when had_value and has_value and before_source is distinct from after_source then 'new_source'
            when not had_value and has_value and (before_latest_year is null or year > before_latest_year)
                then 'new_edition'
            when not had_value and has_value then 'filled'
        end as tag
    from value_pairs
),

standing_before as (
    select *
    from before_version
    where has_value
    qualify row_number() over (partition by region_code, indicator_id order by year desc) = 1
),

standing_after as (
    select *
    from after_version
    where has_value
    qualify row_number() over (partition by region_code, indicator_id order by year desc) = 1
),

standing_pairs as (
    select
        region_code,
        coalesce(a.county_code, b.county_code) as county_code,
        indicator_id,
        b.year as before_year,
        a.year as after_year,
        coalesce(a.is_ladder, b.is_ladder) as is_ladder,
        b.rank as before_rank,
        a.rank as after_rank,
        b.n_ranked as before_n_ranked,
        a.n_ranked as after_n_ranked,
        b.rank_kind as before_rank_kind,
        a.rank_kind as after_rank_kind,
        b.verdict as before_verdict,
        a.verdict as after_verdict,
        b.source_id as before_source,
        a.source_id as after_source,
        case
            when a.year is null or a.year < b.year then 'newly_missing'
            when b.year is null or a.year > b.year then 'new_edition'
            else 'revised'
        end as tag
    from standing_before as b
    full join standing_after as a using (region_code, indicator_id)
),

standing_changes as (
    -- a published place on an international list is its ladder place; a published place elsewhere
    -- (Tillväxtverket) is its value, already a value change; a relative rank is a rank
    select
        region_code, county_code, indicator_id, coalesce(after_year, before_year) as year,
        case when is_ladder then 'ladder_place' else 'rank' end as what, tag,
        before_year, before_rank as before_value, null::varchar as before_text, before_n_ranked, before_source,
        after_year, after_rank as after_value, null::varchar as after_text, after_n_ranked, after_source
    from standing_pairs
    where before_rank is distinct from after_rank
      and (is_ladder or 'relative' in (before_rank_kind, after_rank_kind))
    union all
    select
        region_code, county_code, indicator_id, coalesce(after_year, before_year) as year,
        'verdict' as what, tag,
        before_year, null as before_value, before_verdict as before_text, before_n_ranked, before_source,
        after_year, null as after_value, after_verdict as after_text, after_n_ranked, after_source
    from standing_pairs
    where before_verdict is distinct from after_verdict
),

all_changes as (
    select
        region_code, county_code, indicator_id, year, 'value' as what, tag,
        case when had_value then year end as before_year, before_value, before_text,
        null::bigint as before_n_ranked, before_source,
        case when has_value then year end as after_year, after_value, after_text,
        null::bigint as after_n_ranked, after_source
    from value_changes
    where tag is not null
    union all
    from standing_changes
)

select
    region_code,
    indicator_id,
    year,
    what,
    tag,
    before_year,
    before_value,
    before_text,
    before_n_ranked,
    before_source,
    after_year,
    after_value,
    after_text,
    after_n_ranked,
    after_source,
    region_code = $home or coalesce(county_code = $home, false) as is_home,
    coalesce(list_contains($focus, region_code) or list_contains($focus, county_code), false) as is_focus
from all_changes
order by
    is_home desc,
    is_focus desc,
    case what when 'verdict' then 1 when 'ladder_place' then 2 when 'rank' then 3 else 4 end,
    indicator_id,
    region_code,
    year desc
