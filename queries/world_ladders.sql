-- purpose: Where a region stands on every international list (ladder): its place in the latest edition it has, the list size, the holder of fifth place, the distance in places, the trend over editions (linear, regr_slope) and the path to fifth place by the goal's target year. The region's entry follows the list's scope: its city/cluster (stored on the county or a city with its county code), its best university, or its NUTS 2 region (the county's own row only when the county is the whole NUTS 2 region: a county figure is never ranked among NUTS 2 regions). On university lists a region's editions are those of its university with the most editions, so a year where only a weaker university is known does not stand in for the region. Fifth place, the top-five verdict and the gap to fifth place come from the staging layer (published_places). The trend and the path are computed within the latest edition's method segment (ladder_edition_segments): a method change starts a new series; history holds every edition and breaks each later segment's start. Path: change per edition needed = −gap / editions left before the target year (editions left = floor((target year − edition) / the list's average spacing)); year reached at the trend = edition + ceil(−gap / slope), only when the slope is negative (improving) and there are at least three editions; otherwise never at this trend.
-- grain: one row per ladder (list); a list the region has no place on shows its latest edition, size and fifth place
-- params: $region VARCHAR, $target_year INTEGER = null
with

ladder_home as (
    select region_code, kind, nuts2
    from regions
    where region_code = $region
),

ladder_whole_nuts2_counties as (
    select nuts2
    from regions
    where kind = 'county'
    group by nuts2
    having count(*) = 1
),

ladder_members as (
    select l.indicator_id, r.region_code
    from ladders as l
    cross join ladder_home as h
    join regions as r
        on (l.scope in ('city', 'cluster')
            and (r.region_code = h.region_code or (r.kind = 'city' and r.county_code = h.region_code)))
        or (l.scope = 'university' and r.kind = 'university' and r.county_code = h.region_code)
        or (l.scope = 'nuts2'
            and ((r.kind = 'nuts2' and r.nuts2 = h.nuts2)
                 or (r.region_code = h.region_code and h.kind = 'county'
                     and h.nuts2 in (select nuts2 from ladder_whole_nuts2_counties))))
),

ladder_ranked as (
    -- the published places of the lists with the staging layer's top-five verdict, fifth place and gap
    select *
    from published_places
    where indicator_id in (select indicator_id from ladders)
),

ladder_placed as (
    -- the published place and its top-five verdict from the staging layer's one ranking rule
    select
        m.indicator_id,
        o.year as edition,
        o.region_code,
        o.sort_value as place,
        o.value_text,
        o.status,
        o.source_id,
        o.gap,
        o.in_top_five,
        g.segment,
        g.segment_start,
        g.segment_note
    from ladder_members as m
    join ladder_ranked as o
        on o.indicator_id = m.indicator_id
       and o.region_code = m.region_code
    left join ladder_edition_segments as g
        on g.indicator_id = o.indicator_id
       and g.edition = o.year
    where o.sort_value is not null
),

ladder_flagship as (
    select indicator_id, region_code
    from ladder_placed
    group by indicator_id, region_code
    qualify row_number() over (
        partition by indicator_id order by count(*) desc, min(place), region_code
    ) = 1
),

ladder_best as (
    select p.*
    from ladder_placed as p
    where (p.indicator_id, p.edition) in (
        select (q.indicator_id, q.edition)
        from ladder_placed as q
        join ladder_flagship as f using (indicator_id, region_code)
    )
    qualify row_number() over (partition by p.indicator_id, p.edition order by p.place, p.region_code) = 1
),

ladder_latest as (
    select *
    from ladder_best
    qualify row_number() over (partition by indicator_id order by edition desc) = 1
),

ladder_trend as (
    -- the trend within the latest edition's method segment only: a method change starts a new series
    select
        b.indicator_id,
        count(*) as n_editions,
        min(b.edition) as first_edition,
        max(b.edition) as last_edition,
        arg_min(b.place, b.edition) as first_place,
        regr_slope(b.place, b.edition) as slope
    from ladder_best as b
    join ladder_latest as l
        on l.indicator_id = b.indicator_id
       and l.segment is not distinct from b.segment
    group by b.indicator_id
),

ladder_history as (
    -- every edition, for drawing, and a break where a later segment starts
    select
        indicator_id,
        count(*) as n_editions_all,
        list(struct_pack(edition := edition, place := place, text := value_text, status := status,
                         segment := segment) order by edition) as history,
        list(distinct struct_pack(edition := segment_start, segment := segment, note := segment_note))
            filter (where segment_start > first_edition) as breaks
    from (select *, min(edition) over (partition by indicator_id) as first_edition from ladder_best)
    group by indicator_id
),

ladder_shown_edition as (
    -- the region's latest edition, or for a list it has no place on, the list's latest edition
    select d.indicator_id, coalesce(l.edition, max(o.year)) as edition
    from ladders as d
    left join ladder_latest as l using (indicator_id)
    left join stg_observations as o on o.indicator_id = d.indicator_id
    group by d.indicator_id, l.edition
),

ladder_top_rows as (
    -- the top five of the shown edition, as the staging layer's verdict has it
    select o.indicator_id, o.region_code, o.rank, o.fifth_value
    from ladder_ranked as o
    join ladder_shown_edition as l
        on l.indicator_id = o.indicator_id
       and l.edition = o.year
    where o.in_top_five
),

ladder_fifth as (
    -- the holder of fifth place; with a tie above it and nobody fifth, the last place of the top five
    select
        indicator_id,
        case
            when count(*) filter (where rank = fifth_value) > 0 then any_value(fifth_value)
            when count(*) >= any_value(fifth_value) then max(rank)
        end as fifth_place
    from ladder_top_rows
    group by indicator_id
),

ladder_fifth_holders as (
    select
        t.indicator_id,
        any_value(f.fifth_place) as fifth_place,
        string_agg(r.name_sv, ', ' order by r.name_sv) as fifth_holder_sv,
        string_agg(r.name_en, ', ' order by r.name_en) as fifth_holder_en
    from ladder_top_rows as t
    join ladder_fifth as f
        on f.indicator_id = t.indicator_id
       and f.fifth_place = t.rank
    join regions as r on r.region_code = t.region_code
    group by t.indicator_id
),

ladder_cut as (
    -- fifth place of a published list, as the staging layer counts it
    select any_value(fifth_value) as fifth_value from ladder_ranked
),

ladder_target as (
    select coalesce(
        $target_year,
        (select min(g.target_year) from goals as g join indicators as i using (indicator_id)
         where i.unit = 'rank' and g.target_value = (select fifth_value from ladder_cut)
           and g.target_comparator = '<=' and g.region_code = $region),
        (select min(g.target_year) from goals as g join indicators as i using (indicator_id)
         where i.unit = 'rank' and g.target_value = (select fifth_value from ladder_cut)
           and g.target_comparator = '<=')
    ) as target_year
),

ladder_path as (
    select
        l.indicator_id,
        l.edition,
        l.place,
        t.n_editions,
        t.slope,
        case when t.n_editions >= 2
            then (t.last_edition - t.first_edition)::double / (t.n_editions - 1) end as spacing,
        g.target_year
    from ladder_latest as l
    join ladder_trend as t using (indicator_id)
    cross join ladder_target as g
),

ladder_path_figures as (
    select
        *,
        case when n_editions >= 3 and spacing > 0
            then floor((target_year - edition) / spacing)::integer end as editions_left
    from ladder_path
)

select
    d.indicator_id,
    i.name_sv,
    i.name_en,
    d.scope,
    d.publisher,
    d.life_science,
    d.method_sv,
    d.method_en,
    l.region_code as entry_code,
    case when d.scope = 'nuts2' and r.kind = 'county' then r.nuts2 || ' ' || r.name_sv else r.name_sv end
        as entry_name_sv,
    case when d.scope = 'nuts2' and r.kind = 'county' then r.nuts2 || ' ' || r.name_en else r.name_en end
        as entry_name_en,
    r.kind as entry_kind,
    r.nuts2 as entry_nuts2,
    se.edition,
    l.place,
    l.value_text as place_text,
    l.status,
    l.source_id,
    e.list_size,
    e.source_id as list_size_source_id,
    h.fifth_place,
    h.fifth_holder_sv,
    h.fifth_holder_en,
    case when l.place is not null then greatest(l.gap, 0) end as distance,
    l.in_top_five,
    coalesce(t.n_editions, 0) as n_editions,
    coalesce(hi.n_editions_all, 0) as n_editions_all,
    l.segment,
    l.segment_start,
    l.segment_note,
    t.first_edition,
    t.first_place,
    t.slope,
    hi.history,
    hi.breaks,
    p.target_year,
    p.spacing,
    p.editions_left,
    case
        when l.in_top_five then 0
        when p.editions_left >= 1 then -l.gap / p.editions_left
    end as needed_per_edition,
    case
        when l.in_top_five then l.edition
        when p.n_editions >= 3 and p.slope < 0 then l.edition + ceil(round(-l.gap / p.slope, 6))::integer
    end as reach_year,
    case
        when l.place is null then 'no_place'
        when l.in_top_five then 'in_top_five'
        when coalesce(t.n_editions, 0) < 3 then 'too_few_editions'
        when p.slope < 0 then 'at_trend'
        else 'never'
    end as path_status
from ladders as d
join indicators as i using (indicator_id)
left join ladder_latest as l using (indicator_id)
left join regions as r on r.region_code = l.region_code
left join ladder_shown_edition as se on se.indicator_id = d.indicator_id
left join ladder_editions as e
    on e.indicator_id = d.indicator_id
   and e.edition = se.edition
left join ladder_fifth_holders as h on h.indicator_id = d.indicator_id
left join ladder_trend as t on t.indicator_id = d.indicator_id
left join ladder_history as hi on hi.indicator_id = d.indicator_id
left join ladder_path_figures as p on p.indicator_id = d.indicator_id
order by l.place is null, d.life_science desc, distance nulls last, d.indicator_id
