-- purpose: A data version's figures beside today's for one region (Ändringar with ?since=VERSION): for every indicator the region (or its cities and universities) has a value for in either snapshot (before_version, after_version; regionstats/versions.py), the latest value, rank and top-five verdict in each, and whether anything of them differs.
-- grain: one row per region_code and indicator_id
-- params: $region VARCHAR
with

figures_before as (
    select *
    from before_version
    where has_value and (region_code = $region or county_code = $region)
    qualify row_number() over (partition by region_code, indicator_id order by year desc) = 1
),

figures_after as (
    select *
    from after_version
    where has_value and (region_code = $region or county_code = $region)
    qualify row_number() over (partition by region_code, indicator_id order by year desc) = 1
)

select
    region_code,
    indicator_id,
    b.year as before_year,
    b.value as before_value,
    b.value_text as before_text,
    b.rank as before_rank,
    b.n_ranked as before_n_ranked,
    b.verdict as before_verdict,
    a.year as after_year,
    a.value as after_value,
    a.value_text as after_text,
    a.rank as after_rank,
    a.n_ranked as after_n_ranked,
    a.verdict as after_verdict,
    b.year is distinct from a.year
        or b.value is distinct from a.value
        or b.value_text is distinct from a.value_text
        or b.rank is distinct from a.rank
        or b.verdict is distinct from a.verdict as changed
from figures_before as b
full join figures_after as a using (region_code, indicator_id)
order by region_code <> $region, changed desc, indicator_id, region_code
