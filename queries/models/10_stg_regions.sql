-- model: stg_regions
-- purpose: Every region with its geographic level, the unit a ranking compares like with like in.
-- grain: one row per region_code
-- Level from kind (one to one today): country -> country, county -> county (NUTS-3 / län),
-- city -> city (cities, metropolitan areas and clusters), university -> university.
-- A region whose figures are NUTS-2 gets level nuts2 through an optional `level` column in
-- regions.csv; when that column exists its value wins over the kind.
create or replace view stg_regions as
with

regions_with_optional_level as (
    from regions
    union all by name
    (select null::varchar as level limit 0)
)

select
    region_code,
    kind,
    coalesce(
        level,
        case kind
            when 'country' then 'country'
            when 'county' then 'county'
            when 'city' then 'city'
            when 'university' then 'university'
            else kind  -- a new kind (e.g. nuts2) is a level of its own, never mixed into another
        end
    ) as level,
    name_sv,
    name_en,
    nuts2,
    county_code,
    alf_region,
    focus_region
from regions_with_optional_level;
