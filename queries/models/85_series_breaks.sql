-- model: stg_series_breaks
-- purpose: The breaks in a series (data/series_breaks.csv: a border change such as Heby's move to Uppsala län, a
--   change of method or of basis) for every region they concern: a break without region_code concerns every region.
-- grain: one row per indicator_id, region_code and break position x (a year and a half: between two reference years)
create or replace view stg_series_breaks as
select b.indicator_id, r.region_code, b.x, b.label_sv, b.label_en, b.source_id
from series_breaks as b
join regions as r on r.region_code = b.region_code or (b.region_code is null and r.kind in ('county', 'country'));
