-- model: ranks_built, rank_groups_built (tables, made once with the warehouse), ranked_among(comparison_set,
--   indicator_id_, year_, year_from, year_to, latest), ranked_in(comparison_set), ranked_observations
-- purpose: The ranks of the one ranking rule (rank_rows, 40_ranked.sql) computed once, when the warehouse is built,
--   for every region among all regions of its level: a page reads them instead of ranking at query time (at ten
--   million observations the latest year of every indicator ranked 333 000 rows on every new period). Every
--   count, rank and fifth value is taken within one indicator and year, so the stored rows filtered to what a
--   question asks equal ranking only what it asks (tests/test_ranks_built.py). Ranked among a comparison set of
--   its own (comparison_set not null), a question is ranked by the same rule at query time.
-- grain (ranks_built): one row per region_code, indicator_id and year (Riket, a country, is never ranked)
-- grain (rank_groups_built): one row per indicator_id, year, level and ranking group (the regions of a level, or
--   a publisher's list), with how many are ranked and the fifth value
-- (not sorted: sorting ten million ranked rows costs more build time than it saves the questions, which read them
-- by a semi-join on (indicator, year) or join them to stg_observations, whose table is sorted)
create or replace table ranks_built as
from rank_rows(null, null, null, null, null, null);

create or replace table rank_groups_built as
-- (n_ranked and fifth_value are the group's; a row without a value has no fifth_value, hence max)
select indicator_id, year, level, ranking_group, max(n_ranked) as n_ranked, max(fifth_value) as fifth_value
from ranks_built
group by indicator_id, year, level, ranking_group
order by indicator_id, year, level, ranking_group;

-- ranked_among: the ranked rows with the observation's columns, for only the (indicator, year) pairs asked
--   (rank_rows' parameters): read from ranks_built, or ranked by the rule when comparison_set is given.
create or replace macro ranked_among(comparison_set, indicator_id_, year_, year_from, year_to, latest) as table
with

ranks as (
    select * exclude (level)
    from ranks_built
    where comparison_set is null
      and pair_asked(indicator_id, year, indicator_id_, year_, year_from, year_to, latest)
    union all
    select * exclude (level)
    from rank_rows(comparison_set, indicator_id_, year_, year_from, year_to, latest)
    where comparison_set is not null
)

select
    o.region_code,
    o.region_name_sv,
    o.region_name_en,
    o.region_kind,
    o.level,
    o.county_code,
    o.indicator_id,
    o.year,
    o.period_label,
    o.value,
    o.value_text,
    o.value_low,
    o.value_high,
    o.sort_value,
    o.status,
    o.is_uncertain,
    o.note,
    o.source_id,
    o.unit,
    o.direction,
    o.decimals,
    o.is_published_place,
    case when o.is_published_place then 'published' else 'relative' end as rank_kind,
    o.list_size,
    o.list_scope,
    o.list_scope_sv,
    o.list_scope_en,
    r.rank,
    r.n_ranked,
    r.n_tied,
    r.fifth_value,
    r.fifth_region_sv,
    r.fifth_region_en,
    r.gap,
    r.gap_pct,
    r.in_top_five,
    r.verdict,
    r.decisive
from ranks as r
join stg_observations as o using (region_code, indicator_id, year);

create or replace macro ranked_in(comparison_set) as table
from ranked_among(comparison_set, null, null, null, null, null);

-- every region ranked among all regions of its level
create or replace view ranked_observations as
from ranked_in(null);
