-- purpose: The indicators that have a fifth-best value at a level in some year (the ranking rule of queries/models/40_ranked.sql decides; read from the ranks stored with the warehouse, rank_groups_built in 42_ranks_built.sql), with their names: the pick list of "gap to the top five", without fetching every region, indicator and year.
-- grain: one row per indicator_id
-- params: $level VARCHAR = null
with

with_fifth as (
    select distinct indicator_id
    from rank_groups_built
    where fifth_value is not null
      and ($level is null or level = $level)
)

select
    i.indicator_id,
    i.name_sv,
    i.name_en
from stg_indicators as i
join with_fifth using (indicator_id)
order by i.category, i.indicator_id
