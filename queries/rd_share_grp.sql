-- purpose: R&D expenditure as a share of gross regional product, per county and year, from SCB's R&D figures (rd_total_msek or a sector series) and SCB's regional accounts (grp_msek) of the same year.
-- grain: one row per county (or Riket) and year with an R&D figure; the share is null where GRP for that year is missing
-- params: $rd_indicator VARCHAR = null, $year INTEGER = null, $regions VARCHAR[] = null
with

rd as (
    select o.region_code, o.region_name_sv, o.region_name_en, o.region_kind, o.year, o.value as rd_msek,
           o.status as rd_status, o.source_id as rd_source_id
    from stg_observations as o
    where o.indicator_id = coalesce($rd_indicator, 'rd_total_msek')
      and o.value is not null
),

grp as (
    select o.region_code, o.year, o.value as grp_msek, o.status as grp_status, o.source_id as grp_source_id
    from stg_observations as o
    where o.indicator_id = 'grp_msek'
      and o.value is not null
      and o.value > 0
)

select
    rd.region_code,
    rd.region_name_sv,
    rd.region_name_en,
    rd.year,
    coalesce($rd_indicator, 'rd_total_msek') as rd_indicator,
    rd.rd_msek,
    grp.grp_msek,
    100 * rd.rd_msek / grp.grp_msek as share_pct,
    rd.rd_status,
    grp.grp_status,
    case
        when grp.grp_msek is null then 'missing'
        when rd.rd_status = 'published' and grp.grp_status = 'published' then 'published'
        else 'provisional'
    end as status,
    rd.rd_source_id,
    grp.grp_source_id
from rd
left join grp on grp.region_code = rd.region_code and grp.year = rd.year
where rd.region_kind in ('county', 'country')
  and ($year is null or rd.year = $year)
  and ($regions is null or list_contains($regions, rd.region_code))
order by rd.year, rd.region_code
