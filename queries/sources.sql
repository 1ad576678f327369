-- purpose: Every source with how many observations and which indicators rest on it.
-- grain: one row per source_id
-- params: $indicators VARCHAR[] = null
with

usage as (
    select
        source_id,
        count(*) as n_observations,
        list(distinct indicator_id order by indicator_id) as indicator_ids,
        min(year) as first_year,
        max(year) as latest_year
    from stg_observations
    group by source_id
)

select
    s.*,
    coalesce(u.n_observations, 0) as n_observations,
    u.indicator_ids,
    u.first_year,
    u.latest_year
from sources as s
left join usage as u using (source_id)
where $indicators is null
   or len(list_intersect(u.indicator_ids, $indicators)) > 0
order by s.publisher, s.source_id
