-- model: amounts_on_one_basis(indicators_), per_capita_in(indicator_), per_capita_year(year, level, per_capita, amount, level_)
-- purpose: The amounts a per-inhabitant figure divides, on one basis, as staging rows: for the appropriations a
--   county's (and Riket's) complete sum of its universities' lines (county_appropriations) beside its own
--   observations, so that one year ranks every county on one basis; and the year the per-inhabitant bars
--   show, by the one year rule (shown_year, model 35) over these rows.
-- grain of amounts_on_one_basis: one row per region_code (counties and Riket), indicator_id (of the list
--   indicators_) and year with an own row or a university sum; of per_capita_in: one row per region_code and
--   year of indicator_. Composed regions (model 90) take their members' values from amounts_on_one_basis too.
--
-- Rules, in words:
-- * Precedence: a complete sum of the universities (1) beats the region's own row with a value (2), which
--   beats an incomplete sum (3, amount missing, universities_missing names who), which beats an own row
--   without a value (4). amount_basis: 'sum_of_universities', 'published' or 'incomplete_sum'.
--   universities, universities_missing: of the region's sum, whichever row wins; university_sum_msek: the
--   complete sum; published_amount, published_source_id: the own row beside a sum that won.
-- * per_capita: the amount (MSEK times 1 000 000) over SCB's population of 31 December Y-1
--   (population_before_year); null without that population.
-- * per_capita_year (an aggregate over per_capita_in's rows of one indicator in the period): the one year rule
--   over the rows with a per-inhabitant value at level_ ('county' for the county pages); where no region of
--   that level has one, the same rule over the rows with an amount, whose bars then say why they are missing.
create or replace macro per_capita_year(year, level, per_capita, amount, level_) as
coalesce(
    shown_year(case when per_capita is not null then year end, level, level_),
    shown_year(case when amount is not null then year end, level, level_)
);

create or replace macro amounts_on_one_basis(indicators_) as table
with

own_rows as (
    select
        o.region_code,
        o.indicator_id,
        o.year,
        o.value as amount,
        o.value_text as amount_text,
        o.status as amount_status,
        o.source_id as amount_source_id,
        o.source_id as amount_source_ids,
        o.note as amount_note,
        'published' as amount_basis,
        case when o.value is not null then 2 else 4 end as precedence,
        null::varchar as universities,
        null::varchar as universities_missing,
        null::double as university_sum_msek,
        o.value as own_amount,
        o.source_id as own_source_id
    from stg_observations as o
    where list_contains(indicators_, o.indicator_id)
      and o.region_kind in ('county', 'country')
),

university_sums as (
    select
        region_code,
        indicator_id,
        year,
        amount_msek as amount,
        null::varchar as amount_text,
        case
            when amount_msek is null then 'missing'
            when any_uncertain then 'provisional'
            else 'published'
        end as amount_status,
        split_part(source_ids, ',', 1) as amount_source_id,
        source_ids as amount_source_ids,
        null::varchar as amount_note,
        amount_basis,
        case when amount_msek is not null then 1 else 3 end as precedence,
        universities,
        universities_missing,
        case when amount_basis = 'sum_of_universities' then amount_msek end as university_sum_msek,
        null::double as own_amount,
        null::varchar as own_source_id
    from county_appropriations
    where list_contains(indicators_, indicator_id)
      and amount_basis in ('sum_of_universities', 'incomplete_sum')
),

-- both candidates of a region and year side by side: the sum's universities and the own row beside the winner
candidates as (
    select
        * exclude (universities, universities_missing, university_sum_msek, own_amount, own_source_id),
        max(universities) over region_year as universities,
        max(universities_missing) over region_year as universities_missing,
        max(university_sum_msek) over region_year as university_sum_msek,
        max(own_amount) over region_year as own_amount,
        max(own_source_id) over region_year as own_source_id
    from (select * from own_rows union all select * from university_sums) as rows_
    window region_year as (partition by region_code, indicator_id, year)
)

select
    * exclude (precedence, own_amount, own_source_id),
    case when amount_basis <> 'published' then own_amount end as published_amount,
    case when amount_basis <> 'published' then own_source_id end as published_source_id
from candidates
qualify row_number() over (partition by region_code, indicator_id, year order by precedence) = 1;

create or replace macro per_capita_in(indicator_) as table
select
    a.* exclude (indicator_id),
    r.kind as region_kind,
    r.level,
    r.name_sv as region_name_sv,
    r.name_en as region_name_en,
    i.unit as amount_unit,
    a.year - 1 as population_year,
    p.population,
    p.population_status,
    p.population_note,
    p.population_source_id,
    a.amount * (case i.unit when 'msek' then 1000000 else 1 end) / p.population as per_capita,
    a.university_sum_msek * 1000000 / p.population as university_sum_per_capita,
    a.published_amount * (case i.unit when 'msek' then 1000000 else 1 end) / p.population as published_per_capita
from amounts_on_one_basis([indicator_]) as a
join stg_regions as r using (region_code)
join indicators as i on i.indicator_id = indicator_
left join population_before_year as p on p.region_code = a.region_code and p.year = a.year;
