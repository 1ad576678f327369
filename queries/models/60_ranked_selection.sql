-- model: ranked_selection(comparison_set, shown, indicator_id_, year_, year_from, year_to, latest, level_)
-- purpose: The ranked rows a page asks for: ranked among comparison_set (null = every region of the level),
--   showing only the regions in shown (null = all ranked), one indicator or all, one year, a year window, or
--   each indicator's latest year within the window (latest = true), at one level or all.
-- grain: one row per region_code, indicator_id and year
create or replace macro ranked_selection(comparison_set, shown, indicator_id_, year_, year_from, year_to, latest,
                                         level_) as table
select r.*
from ranked_among(comparison_set, indicator_id_, year_, year_from, year_to, latest) as r
left join latest_years_in(year_from, year_to) as l
    on l.indicator_id = r.indicator_id
   and l.level = r.level
   and l.year = r.year
where (shown is null or list_contains(shown, r.region_code))
  and (indicator_id_ is null or r.indicator_id = indicator_id_)
  and (year_ is null or r.year = year_)
  and (year_from is null or r.year >= year_from)
  and (year_to is null or r.year <= year_to)
  and (not coalesce(latest, false) or l.year is not null)
  and (level_ is null or r.level = level_);
