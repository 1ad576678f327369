-- model: top_places(), published_verdict(place, place_high), published_places
-- purpose: The top-five rule for a published place (RIS, MedCity, THE, ...), once: places 1 to fifth place are in
--   the top five; a band (351-400, 1-10) is in when its worst place is, out when its best place is past fifth
--   place, and straddles the cut otherwise. ranked_among (40_ranked.sql) ranks with these macros; the world
--   questions read published_places, which needs no ranking window (a published place is never re-ranked), so
--   they do not rank a million observations to read a few hundred places.
-- grain (published_places): one row per published place (region_code, indicator_id, year)
create or replace macro top_places() as 5;  -- THE five of the top-five goal, written once

create or replace macro published_verdict(place, place_high) as
    case
        when coalesce(place_high, place) <= top_places() then 'in'
        when place > top_places() then 'out'
        else 'band_straddles'
    end;

create or replace view published_places as
select
    *,
    sort_value::integer as rank,
    top_places() as fifth_value,
    sort_value - top_places() as gap,
    published_verdict(sort_value, value_high) as verdict,
    case published_verdict(sort_value, value_high) when 'in' then true when 'out' then false end as in_top_five
from stg_observations
where is_published_place
  and sort_value is not null;
