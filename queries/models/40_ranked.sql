-- model: pair_asked(...), rank_rows(comparison_set, indicator_id_, year_, year_from, year_to, latest) (top_places(): 38_published_places.sql;
--   the ranks stored with the warehouse, ranked_among, ranked_in and ranked_observations: 42_ranks_built.sql)
-- purpose: THE ranking rule of the dashboard; every rank, top-five verdict and gap is read from here.
-- grain: one row per region_code, indicator_id and year (Riket, a country, is context and never ranked)
--
-- Rules, in words:
-- * A published place (unit = rank: RIS, WIPO, MedCity, THE/ARWU/QS, Tillväxtverket) is never re-ranked:
--   its rank is the place as published (a band such as 351-400 by its best place), the list it belongs to
--   is list_size (when the data gives it), and the top five are places 1-5 of that list.
-- * Any other value is ranked among the regions of ONE geographic level (county, city, university, ...)
--   in the comparison set that have a value that year: rank = 1 + the number of regions strictly better
--   (ties share a place: 9, 7, 7, 5 rank 1, 2, 2, 4). A ranking never mixes levels.
-- * In the top five: fewer than five regions strictly better (published: place <= 5). "Five" is top_places(),
--   the one place the number is written: every question and view reads it from here.
-- * The verdict is decisive ('in' or 'out') unless
--     'too_few'        fewer than five regions at that level have a value,
--     'zero_count'     the value is a count of zero (no A-graded panel is not an achievement),
--     'tied_at_cut'    the region is tied with others across fifth place (n_better < 5 < n_better + n_tied),
--     'band_straddles' a published band spans fifth place (e.g. 1-10).
--   Only decisive verdicts count towards "indicators in the top five".
-- * gap: to the fifth best value in the indicator's unit (positive = short of it); for a published place
--   in places from fifth. gap_pct only for values, and null when the fifth value is 0 (never ±inf).
-- rank_rows(comparison_set, indicator_id_, year_, year_from, year_to, latest): the rule, for only the (indicator,
--   year) pairs asked for: one indicator, one year, a year window, or each indicator's latest year in the window
--   (latest_years_in, any level). Every count, rank and fifth value is taken within one indicator and year, so
--   leaving the other pairs out changes none of them. It returns the ranks alone (keys, rank columns, the
--   region's level and ranking group), ranked over the few columns the rule reads: the warehouse stores
--   rank_rows(null, ...) once (ranks_built, 42_ranks_built.sql) and ranked_among adds the observation's columns.
-- comparison_set: region codes to rank among (null = every region of the level).

-- pair_asked: whether an (indicator, year) pair is one a ranking question asks for (rank_rows' parameters);
--   ranked_among (42_ranks_built.sql) filters the stored ranks by it too
create or replace macro pair_asked(indicator_id, year, indicator_id_, year_, year_from, year_to, latest) as
    (indicator_id_ is null or indicator_id = indicator_id_)
    and (year_ is null or year = year_)
    and (year_from is null or year >= year_from)
    and (year_to is null or year <= year_to)
    and (not coalesce(latest, false)
         or (indicator_id, year) in (select (indicator_id, year) from latest_years_in(year_from, year_to)
                                     where coalesce(latest, false)));

-- rank_asked: the observations a ranking reads, only the (indicator, year) pairs asked for
create or replace macro rank_asked(indicator_id_, year_, year_from, year_to, latest) as table
select *
from stg_observations
where region_kind <> 'country'
  and pair_asked(indicator_id, year, indicator_id_, year_, year_from, year_to, latest);

create or replace macro rank_rows(comparison_set, indicator_id_, year_, year_from, year_to, latest) as table
with

-- every region, or those of comparison_set read by a semi-join (the scan then skips the others' rows; a filter
-- "comparison_set is null or ..." made it read every observation)
compared as (
    from rank_asked(indicator_id_, year_, year_from, year_to, latest) where comparison_set is null
    union all
    from rank_asked(indicator_id_, year_, year_from, year_to, latest)
    where region_code in (select unnest(comparison_set))
),

candidates as (
    select
        region_code,
        indicator_id,
        year,
        level,
        sort_value,
        value_high,
        unit = 'count' as is_count,
        direction = 'lower' as lower_is_better,
        is_published_place,
        -- smaller is better, whatever the direction
        case direction when 'lower' then sort_value else -sort_value end as badness,
        -- the list a place belongs to: the publisher's one list, or the regions of one level
        case when is_published_place then 'published list' else level end as ranking_group
    from compared
),

counted as (
    select
        *,
        count(sort_value) over whole_group as n_ranked,
        rank() over ordered_group - 1 as n_better,
        -- the peers of the row (equal badness; the valueless are peers of each other)
        count(*) over (ordered_group range between current row and current row) as n_tied,
        nth_value(sort_value, top_places()) over whole_group as fifth_of_values
    from candidates
    -- one partitioning and one order for every column: DuckDB sorts the rows once (a period at a million
    -- observations spent most of its time in a second sort for n_tied over partition (..., badness))
    window ordered_group as (partition by indicator_id, year, ranking_group order by badness asc nulls last),
           whole_group as (ordered_group rows between unbounded preceding and unbounded following)
),

verdicts as (
    select
        *,
        case
            when sort_value is null then null
            when is_published_place then sort_value::integer
            else n_better + 1
        end as rank,
        case
            when sort_value is null then null
            when is_published_place then top_places()::double
            when n_ranked >= top_places() then fifth_of_values
        end as fifth_value,
        case
            when sort_value is null then null
            when is_published_place then published_verdict(sort_value, value_high)  -- 38_published_places.sql
            when n_ranked < top_places() then 'too_few'
            when n_better >= top_places() then 'out'
            when is_count and sort_value = 0 then 'zero_count'
            when n_better + n_tied > top_places() then 'tied_at_cut'
            else 'in'
        end as verdict
    from counted
),

fifth_holders as (
    select
        v.indicator_id,
        v.year,
        v.ranking_group,
        string_agg(r.name_sv, ', ' order by r.name_sv) as fifth_region_sv,
        string_agg(r.name_en, ', ' order by r.name_en) as fifth_region_en
    from verdicts as v
    join stg_regions as r using (region_code)
    where v.fifth_value is not null and v.sort_value = v.fifth_value
    group by v.indicator_id, v.year, v.ranking_group
)

select
    v.region_code,
    v.indicator_id,
    v.year,
    v.level,
    v.ranking_group,
    v.rank,
    v.n_ranked,
    case when v.sort_value is null or v.is_published_place then null else v.n_tied end as n_tied,
    v.fifth_value,
    h.fifth_region_sv,
    h.fifth_region_en,
    case
        when v.fifth_value is null then null
        when v.is_published_place then v.sort_value - v.fifth_value
        when v.lower_is_better then v.sort_value - v.fifth_value
        else v.fifth_value - v.sort_value
    end as gap,
    case
        when v.is_published_place or v.fifth_value is null or v.fifth_value = 0 then null
        when v.lower_is_better then 100.0 * (v.sort_value - v.fifth_value) / abs(v.fifth_value)
        else 100.0 * (v.fifth_value - v.sort_value) / abs(v.fifth_value)
    end as gap_pct,
    case
        when v.verdict in ('in', 'tied_at_cut', 'zero_count') then true
        when v.verdict = 'out' then false
    end as in_top_five,
    v.verdict,
    coalesce(v.verdict in ('in', 'out'), false) as decisive
from verdicts as v
left join fifth_holders as h using (indicator_id, year, ranking_group);
