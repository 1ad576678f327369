-- purpose: The year every view shows each indicator in, from the one rule of the staging layer (shown_years_in in queries/models/35_latest.sql): the latest year within $year_from-$year_to in which a region of $level has a value ($level null: any level Riket is not, else Riket's), with the period as published (2015–19).
-- grain: one row per indicator_id with a value at the level in the window
-- params: $level VARCHAR = null, $year_from INTEGER = null, $year_to INTEGER = null
select indicator_id, year, period_label
from shown_years_in($year_from, $year_to, $level)
order by indicator_id
