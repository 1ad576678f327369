-- purpose: The regions, universities and cities the data speaks of, with their kind and flags.
-- grain: one row per region_code
-- params: $kind VARCHAR = null
select
    region_code,
    kind,
    name_sv,
    name_en,
    nuts2,
    county_code,
    alf_region,
    focus_region,
    note
from regions
where $kind is null or kind = $kind
order by kind, region_code
