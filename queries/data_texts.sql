-- purpose: The English that curation wrote beside each Swedish text of the data (notes of observations,
--   sources and goals), so a page shows it on the English pages; a text without one has no row here.
-- grain: one row per Swedish text
-- params: none
select note as sv, any_value(note_en) as en
from (
    select note, note_en from stg_observations
    union all
    select note, note_en from sources
    union all
    select note, note_en from goals
)
where note is not null and note_en is not null and trim(note_en) <> ''
group by note
