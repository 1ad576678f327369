-- purpose: How many observations the data holds and how many of them have a value (Ändringar's bar for today's data, without a snapshot).
-- grain: one row
-- params: none
select
    count(*) filter (where has_value) as n_values,
    count(*) as n_observations
from stg_observations
